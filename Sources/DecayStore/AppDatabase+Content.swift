import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Records each message version seen in the content folder, so responses can refer to the version they answered.
    public func recordMessageVersions(_ catalog: ContentCatalog) async throws {
        try await self.writer.write { db in
            for message in catalog.sortedMessages {
                try Self.recordMessageVersion(message, replace: true, db)
            }
        }
    }

    /// One message version as `message_version.content` holds it (the message as sorted-key JSON). With `replace`, the
    /// stored row takes this content (the content folder is the truth); without, a stored row is kept (demo history).
    static func recordMessageVersion(_ message: Message, replace: Bool, _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let content = String(decoding: try encoder.encode(message), as: UTF8.self)
        let conflict = replace
            ? "DO UPDATE SET title = excluded.title, body = excluded.body, content = excluded.content" : "DO NOTHING"
        try db.execute(
            sql: """
                INSERT INTO message_version (message_id, version, title, body, content, loaded_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(message_id, version) \(conflict)
                """,
            arguments: [message.id, message.version, message.title, message.body, content, Date().timeIntervalSince1970]
        )
    }

    /// Partners and people: cheap enough for `/health` to run on every probe (both tables are small).
    public func directorySize() async throws -> (partners: Int, people: Int) {
        try await self.reader.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM partner") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") ?? 0)
        }
    }

    /// Counts shown by `decay demo`; counting responses grows with the data, so `/health` does not use this.
    public func directoryCounts() async throws -> DirectoryCounts {
        try await self.reader.read { db in
            DirectoryCounts(
                partners: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM partner") ?? 0,
                people: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") ?? 0,
                deliveries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delivery") ?? 0,
                responses: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0
            )
        }
    }
}

public struct DirectoryCounts: Sendable, Equatable, Codable {
    public var partners: Int
    public var people: Int
    public var deliveries: Int
    public var responses: Int
}
