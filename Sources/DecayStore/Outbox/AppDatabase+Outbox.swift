import Foundation
import GRDB

/// Why an outbox command could not act on a post.
public enum OutboxError: Error, Equatable, CustomStringConvertible {
    case notFound(Int64)
    case alreadyDelivered(Int64)

    public var description: String {
        switch self {
        case .notFound(let id): "no outbox post with id \(id)"
        case .alreadyDelivered(let id): "outbox post \(id) was already delivered; it is never sent twice"
        }
    }
}

extension AppDatabase {
    /// Stores a post inside the caller's transaction; the same idempotency key stores nothing new.
    /// Posts to a destination disabled by a 410 are stored dead, so the cause stays visible.
    /// `notBefore` holds the first attempt until then (a re-check sent at 10:00 in the rep's time zone).
    /// Returns the row id, new or existing.
    @discardableResult
    public static func enqueue(_ item: OutboxItem, now: Date, notBefore: Date? = nil, _ db: Database) throws -> Int64 {
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM outbox WHERE idempotency_key = ?", arguments: [item.idempotencyKey]) {
            return existing
        }
        let disabled = try Row.fetchOne(db, sql: "SELECT reason FROM destination WHERE url = ? AND disabled_at IS NOT NULL", arguments: [item.destination])
        let headers = String(decoding: try JSONEncoder().encode(item.headers), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO outbox (idempotency_key, kind, format, destination, url, method, headers, body, status,
                                attempts, next_attempt_at, last_error, created_at, broadcast_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
            """, arguments: [
                item.idempotencyKey, item.kind, item.format, item.destination, item.url, item.method, headers, item.body,
                disabled == nil ? OutboxStatus.pending.rawValue : OutboxStatus.dead.rawValue,
                max(now, notBefore ?? now).timeIntervalSince1970,
                disabled.map { "destination disabled: " + ($0["reason"] as String? ?? "410 Gone") },
                now.timeIntervalSince1970, item.broadcastID,
            ])
        return db.lastInsertedRowID
    }

    /// Where a scan of due posts stopped: the last post's due time and id, in the scan's order.
    public struct OutboxCursor: Sendable, Equatable {
        public var nextAttemptAt: Double
        public var id: Int64

        public init(nextAttemptAt: Double, id: Int64) {
            self.nextAttemptAt = nextAttemptAt
            self.id = id
        }
    }

    /// Pending posts due by `now`, oldest first, after `cursor` when given (so a worker reads each post once),
    /// skipping `excludedDestinations` (those already saturated).
    public func dueOutbox(now: Date, limit: Int, after cursor: OutboxCursor? = nil, excludedDestinations: Set<String> = []) async throws -> [OutboxEntry] {
        try await self.reader.read { db in
            var sql = "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
            var arguments: StatementArguments = [now.timeIntervalSince1970]
            if let cursor {
                sql += " AND (next_attempt_at > ? OR (next_attempt_at = ? AND id > ?))"
                _ = arguments.append(contentsOf: [cursor.nextAttemptAt, cursor.nextAttemptAt, cursor.id])
            }
            if !excludedDestinations.isEmpty {
                sql += " AND destination NOT IN (" + databaseQuestionMarks(count: excludedDestinations.count) + ")"
                for destination in excludedDestinations { _ = arguments.append(contentsOf: [destination]) }
            }
            sql += " ORDER BY next_attempt_at, id LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            let statement = excludedDestinations.isEmpty ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            var headerCache: [String: [OutboxHeader]] = [:]
            return try Row.fetchAll(statement, arguments: arguments).map { Self.outboxEntry($0, headerCache: &headerCache) }
        }
    }

    /// When the next pending post falls due, or nil when nothing is pending.
    public func nextOutboxAttempt() async throws -> Date? {
        try await self.reader.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
                .map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Writes a batch of attempt results in one transaction; a `gone` disables its destination
    /// and kills the destination's other pending posts with the same reason.
    /// A result counts its attempt even when a 410 to the same destination killed the post while it was on the
    /// wire (two partners sharing one URL): it was sent, so it is recorded as attempted, and delivered if it was.
    public func recordOutboxResults(_ results: [OutboxResult]) async throws {
        guard !results.isEmpty else { return }
        try await self.writer.write { db in
            let delivered = try db.cachedStatement(sql: """
                UPDATE outbox SET status = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL,
                       delivered_at = ? WHERE id = ? AND status <> 'delivered'
                """)
            for result in results {
                switch result {
                case .delivered(let id, let status, let at):
                    try delivered.execute(arguments: [status, at.timeIntervalSince1970, id])
                case .retry(let id, let status, let error, let next):
                    try db.execute(sql: """
                        UPDATE outbox SET attempts = attempts + 1, last_status = ?, next_attempt_at = ?,
                               last_error = CASE status WHEN 'dead' THEN last_error ELSE ? END
                        WHERE id = ? AND status <> 'delivered'
                        """, arguments: [status, next.timeIntervalSince1970, error, id])
                case .dead(let id, let status, let error):
                    try db.execute(sql: """
                        UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_status = ?, last_error = ?
                        WHERE id = ? AND status <> 'delivered'
                        """, arguments: [status, error, id])
                case .gone(let id, let destination, let error):
                    try db.execute(sql: """
                        UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_status = 410, last_error = ?
                        WHERE id = ? AND status <> 'delivered'
                        """, arguments: [error, id])
                    try db.execute(sql: """
                        INSERT INTO destination (url, disabled_at, reason, last_status) VALUES (?, ?, ?, 410)
                        ON CONFLICT(url) DO UPDATE SET disabled_at = excluded.disabled_at, reason = excluded.reason, last_status = 410
                        """, arguments: [destination, Date().timeIntervalSince1970, error])
                    try db.execute(sql: """
                        UPDATE outbox SET status = 'dead', last_error = 'destination disabled: ' || ?
                        WHERE destination = ? AND status = 'pending'
                        """, arguments: [error, destination])
                }
            }
        }
    }

    /// Newest first, optionally only one status.
    public func outbox(status: OutboxStatus? = nil, limit: Int = 100) async throws -> [OutboxEntry] {
        try await self.reader.read { db in
            let filter = status == nil ? "" : "WHERE status = ?"
            let arguments: StatementArguments = status.map { [$0.rawValue, limit] } ?? [limit]
            return try Row.fetchAll(db, sql: "SELECT * FROM outbox \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments)
                .map(Self.outboxEntry)
        }
    }

    /// Counts per status, for `decay outbox list` and health.
    public func outboxCounts() async throws -> [OutboxStatus: Int] {
        try await self.reader.read { db in
            var counts: [OutboxStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status") {
                if let status = OutboxStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// Puts a dead or waiting post back at the front of the queue with a fresh set of attempts,
    /// and re-enables its destination if a 410 had disabled it (the operator says it is fixed).
    public func retryOutbox(id: Int64, now: Date) async throws -> OutboxEntry {
        try await self.writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]) else {
                throw OutboxError.notFound(id)
            }
            let entry = Self.outboxEntry(row)
            guard entry.status != .delivered else { throw OutboxError.alreadyDelivered(id) }
            try db.execute(sql: "DELETE FROM destination WHERE url = ?", arguments: [entry.destination])
            try db.execute(sql: """
                UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL WHERE id = ?
                """, arguments: [now.timeIntervalSince1970, id])
            return Self.outboxEntry(try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id])!)
        }
    }

    /// Destinations a 410 turned off, with why.
    public func disabledDestinations() async throws -> [String: String] {
        try await self.reader.read { db in
            var disabled: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT url, reason FROM destination WHERE disabled_at IS NOT NULL") {
                disabled[row["url"]] = row["reason"] ?? "410 Gone"
            }
            return disabled
        }
    }

    static func outboxEntry(_ row: Row) -> OutboxEntry {
        var cache: [String: [OutboxHeader]] = [:]
        return self.outboxEntry(row, headerCache: &cache)
    }

    /// Posts mostly share one header list, so a batch decodes each distinct list once.
    static func outboxEntry(_ row: Row, headerCache: inout [String: [OutboxHeader]]) -> OutboxEntry {
        let headerText: String = row["headers"]
        let headers: [OutboxHeader]
        if let cached = headerCache[headerText] {
            headers = cached
        } else {
            headers = (try? JSONDecoder().decode([OutboxHeader].self, from: Data(headerText.utf8))) ?? []
            headerCache[headerText] = headers
        }
        return OutboxEntry(
            id: row["id"],
            idempotencyKey: row["idempotency_key"],
            kind: row["kind"],
            format: row["format"],
            destination: row["destination"],
            url: row["url"],
            method: row["method"],
            headers: headers,
            body: row["body"],
            status: OutboxStatus(rawValue: row["status"]) ?? .pending,
            attempts: row["attempts"],
            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
            lastStatus: row["last_status"],
            lastError: row["last_error"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            deliveredAt: (row["delivered_at"] as Double?).map { Date(timeIntervalSince1970: $0) }
        )
    }
}
