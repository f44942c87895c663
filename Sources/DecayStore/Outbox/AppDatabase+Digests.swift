import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Whether the digest for this manager and week was already queued.
    public func hasDigest(manager: String, week: ISOWeek) async throws -> Bool {
        try await self.reader.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM digest WHERE manager_id = ? AND week = ?", arguments: [manager, week.description]) ?? false
        }
    }

    /// Queues one manager's digest for one week, exactly once: the (manager, week) key and the post are written in
    /// one transaction, and a second call (another run, another process) stores nothing. Returns the outbox id, or nil.
    public func recordDigest(manager: String, week: ISOWeek, post: OutboxItem, now: Date) async throws -> Int64? {
        try await self.writer.write { db in
            try db.execute(sql: """
                INSERT INTO digest (manager_id, week, created_at) VALUES (?, ?, ?) ON CONFLICT(manager_id, week) DO NOTHING
                """, arguments: [manager, week.description, now.timeIntervalSince1970])
            guard db.changesCount == 1 else { return nil }
            let id = try Self.enqueue(post, now: now, db)
            try db.execute(sql: "UPDATE digest SET outbox_id = ? WHERE manager_id = ? AND week = ?", arguments: [id, manager, week.description])
            return id
        }
    }

    /// The moment the digest scheduler first ran on this database; catch-up never reaches back before it.
    public func digestSchedulerStart(now: Date) async throws -> Date {
        let bytes = try await self.secret(named: "digest-scheduler-started") { Array(String(now.timeIntervalSince1970).utf8) }
        return Double(String(decoding: bytes, as: UTF8.self)).map { Date(timeIntervalSince1970: $0) } ?? now
    }
}
