import Foundation

/// Paths of the shipped content and a temp copy that a test can break.
enum ContentFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let messages = repoRoot.appendingPathComponent("messages").path
    static let surveys = repoRoot.appendingPathComponent("surveys").path

    /// Copies the shipped content into a fresh temp folder and returns its `messages` and `surveys` paths.
    static func copy() throws -> (messages: String, surveys: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("decay-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let messages = root.appendingPathComponent("messages").path
        let surveys = root.appendingPathComponent("surveys").path
        try FileManager.default.copyItem(atPath: self.messages, toPath: messages)
        try FileManager.default.copyItem(atPath: self.surveys, toPath: surveys)
        return (messages, surveys)
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
