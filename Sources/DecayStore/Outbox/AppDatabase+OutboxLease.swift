import Foundation
import GRDB

/// Who holds the right to deliver the outbox, and until when.
public struct OutboxLease: Sendable, Equatable {
    public var owner: String
    public var expires: Date
}

extension AppDatabase {
    static let outboxLeaseKey = "outbox-worker-lease"

    /// Takes or renews the single outbox-delivery lease for `owner` until `now + duration`; returns the other
    /// holder's lease instead when someone else holds an unexpired one. One worker per database, so no post is
    /// sent by two processes at once.
    public func acquireOutboxLease(owner: String, now: Date, duration: TimeInterval) async throws -> OutboxLease? {
        try await self.writer.write { db in
            if let current = try Self.outboxLease(db), current.owner != owner, current.expires > now {
                return current
            }
            let value = "\(owner)|\(now.addingTimeInterval(duration).timeIntervalSince1970)"
            try db.execute(sql: """
                INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [Self.outboxLeaseKey, Data(value.utf8)])
            return nil
        }
    }

    /// Gives the lease up (only if `owner` still holds it), so the next worker need not wait for it to expire.
    public func releaseOutboxLease(owner: String) async throws {
        try await self.writer.write { db in
            guard try Self.outboxLease(db)?.owner == owner else { return }
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.outboxLeaseKey])
        }
    }

    private static func outboxLease(_ db: Database) throws -> OutboxLease? {
        guard let data = try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [self.outboxLeaseKey]) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "|")
        guard parts.count == 2, let expires = Double(parts[1]) else { return nil }
        return OutboxLease(owner: String(parts[0]), expires: Date(timeIntervalSince1970: expires))
    }
}
