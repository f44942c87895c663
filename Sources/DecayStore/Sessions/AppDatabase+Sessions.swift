import Foundation
import GRDB

/// Dashboard sessions as rows: the server keeps them so that signing out (or deleting the row) revokes a session.
public protocol SessionRepository: Sendable {
    /// Stores `value` under `key` for `person` (nil for an admin); `onlyIfNew` refuses to overwrite and answers false.
    /// Without `expiresAt` it only updates a session that is still there (keeping its expiry) and answers whether it was.
    func setSession(key: String, value: Data, person: String?, expiresAt: Date?, onlyIfNew: Bool) async throws -> Bool
    /// The value and its expiry, or nil when there is none or it has expired at `now`.
    func session(key: String, now: Date) async throws -> (value: Data, expiresAt: Date?)?
    func removeSession(key: String) async throws
    /// Deletes sessions expired at `now`; answers how many.
    func pruneSessions(now: Date) async throws -> Int
}

extension AppDatabase: SessionRepository {
    public func setSession(key: String, value: Data, person: String?, expiresAt: Date?, onlyIfNew: Bool) async throws -> Bool {
        try await self.writer.write { db in
            if onlyIfNew {
                try db.execute(
                    sql: "INSERT INTO dashboard_session (key, value, person_id, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
                    arguments: [key, value, person, expiresAt?.timeIntervalSince1970])
                return db.changesCount == 1
            }
            if expiresAt == nil {
                // An update of a signed-in session, which keeps its expiry: never inserts, so a row that signing out
                // or an erasure deleted while a request was running does not come back (and without an expiry).
                try db.execute(
                    sql: "UPDATE dashboard_session SET value = ?, person_id = ? WHERE key = ?", arguments: [value, person, key])
                return db.changesCount == 1
            }
            try db.execute(sql: """
                INSERT INTO dashboard_session (key, value, person_id, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value, person_id = excluded.person_id, expires_at = excluded.expires_at
                """, arguments: [key, value, person, expiresAt?.timeIntervalSince1970])
            return true
        }
    }

    public func session(key: String, now: Date) async throws -> (value: Data, expiresAt: Date?)? {
        try await self.reader.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT value, expires_at FROM dashboard_session WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)",
                arguments: [key, now.timeIntervalSince1970])
            else { return nil }
            let expires: Double? = row["expires_at"]
            return (row["value"], expires.map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func removeSession(key: String) async throws {
        try await self.writer.write { db in
            try db.execute(sql: "DELETE FROM dashboard_session WHERE key = ?", arguments: [key])
        }
    }

    public func pruneSessions(now: Date) async throws -> Int {
        try await self.writer.write { db in
            try db.execute(sql: "DELETE FROM dashboard_session WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
