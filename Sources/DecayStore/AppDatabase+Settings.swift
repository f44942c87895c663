import Foundation
import GRDB

extension AppDatabase {
    /// A secret kept in the database, created on first use, so that signed survey links survive restarts.
    public func secret(named key: String, create: @escaping @Sendable () -> [UInt8]) async throws -> [UInt8] {
        try await self.writer.write { db in
            if let setting = try SettingRecord.fetchOne(db, key: key) {
                return Array(setting.value)
            }
            let value = create()
            try SettingRecord(key: key, value: Data(value)).insert(db)
            return value
        }
    }
}
