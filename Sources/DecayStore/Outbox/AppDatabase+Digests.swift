import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Whether the digest for this manager and week was already queued.
    public func hasDigest(manager: String, week: ISOWeek) async throws -> Bool {
        try await self.reader.read { db in
            try DigestRecord.exists(db, key: [DigestRecord.CodingKeys.managerID.rawValue: manager, DigestRecord.CodingKeys.week.rawValue: week.description])
        }
    }

    /// Queues one manager's digest for one week, exactly once: the (manager, week) key and the post are written in
    /// one transaction, and a second call (another run, another process) stores nothing. Returns the outbox id, or nil.
    public func recordDigest(manager: String, week: ISOWeek, post: OutboxItem, now: Date) async throws -> Int64? {
        try await self.writer.write { db in
            var record = DigestRecord(managerID: manager, week: week.description, outboxID: nil, createdAt: now.timeIntervalSince1970)
            guard try record.insertAndFetch(db, onConflict: .ignore) != nil else { return nil }
            record.outboxID = try Self.enqueue(post, now: now, db)
            try record.update(db)
            return record.outboxID
        }
    }

    /// The moment the digest scheduler first ran on this database; catch-up never reaches back before it.
    public func digestSchedulerStart(now: Date) async throws -> Date {
        let bytes = try await self.secret(named: "digest-scheduler-started") { Array(String(now.timeIntervalSince1970).utf8) }
        return Double(String(decoding: bytes, as: UTF8.self)).map { Date(timeIntervalSince1970: $0) } ?? now
    }
}
