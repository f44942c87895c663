import Foundation
import GRDB

extension AppDatabase {
    /// A secret kept in the database, created on first use, so that signed survey links survive restarts.
    public func secret(named key: String, create: @escaping @Sendable () -> [UInt8]) async throws -> [UInt8] {
        try await self.writer.write { db in
            if let value = try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) {
                return Array(value)
            }
            let value = create()
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?)", arguments: [key, Data(value)])
            return value
        }
    }
}
