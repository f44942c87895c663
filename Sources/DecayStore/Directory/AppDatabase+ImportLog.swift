import Foundation
import GRDB

extension AppDatabase {
    /// Records a refused import; a kept one is recorded by the upsert that wrote it, in its transaction.
    public func logImport(_ entry: ImportLogEntry) async throws {
        try await self.writer.write { db in
            try Self.insert(entry, db)
        }
    }

    /// The newest `limit` imports, newest first.
    public func recentImports(limit: Int) async throws -> [ImportLogEntry] {
        try await self.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT kind, source, inserted, updated, refused, at FROM import_log ORDER BY at DESC, id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                ImportLogEntry(
                    kind: row["kind"], source: ImportLogEntry.Source(rawValue: row["source"]) ?? .cli, inserted: row["inserted"],
                    updated: row["updated"], refused: row["refused"], at: Date(timeIntervalSince1970: row["at"]))
            }
        }
    }

    static func insert(_ entry: ImportLogEntry, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO import_log (kind, source, inserted, updated, refused, at) VALUES (?, ?, ?, ?, ?, ?)", arguments: [
            entry.kind, entry.source.rawValue, entry.inserted, entry.updated, entry.refused, entry.at.timeIntervalSince1970,
        ])
    }
}
