import DecayCore
import DecayStore
import Foundation

/// A real SQLite file in a fresh temp folder, as production uses.
enum TestDatabase {
    static func path() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decay-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("decay.sqlite").path
    }

    static func open() async throws -> AppDatabase {
        try await AppDatabase.open(path: try self.path())
    }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped messages and surveys.
    static func catalog() throws -> ContentCatalog {
        try ContentCatalog.load(
            messagesDirectory: self.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: self.repoRoot.appendingPathComponent("surveys").path
        ).get()
    }
}

extension AppDatabase {
    /// The demo with its free texts scored, as `DemoSeeding` stores it.
    func saveScoredDemo(_ channel: DemoChannel, catalog: ContentCatalog) async throws {
        var points: [String: [String: [PointScore]]] = [:]
        for response in channel.responses {
            points[response.externalID] = catalog.freeTextScoring.points(survey: response.surveyID, answers: response.answers)
        }
        try await self.saveDemo(channel, freeTextPoints: points)
    }
}
