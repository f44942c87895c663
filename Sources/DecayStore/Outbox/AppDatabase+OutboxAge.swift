import Foundation
import GRDB

extension AppDatabase {
    /// When the oldest post still pending was queued, or nil when nothing is pending; for the outbox-age gauge.
    public func oldestPendingOutbox() async throws -> Date? {
        try await self.reader.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(created_at) FROM outbox WHERE status = 'pending'")
                .map { Date(timeIntervalSince1970: $0) }
        }
    }
}
