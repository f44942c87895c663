import Foundation
import GRDB
import Testing

@testable import DecayStore

/// Dashboard sessions as rows: an update never brings back a deleted session, expired ones are pruned, and sessions
/// stored before `v10-dashboard-session-person` get their manager's id for erasure.
@Suite("Dashboard sessions in the store")
struct SessionStoreTests {
    @Test func anUpdateAfterSignOutDoesNotBringTheSessionBack() async throws {
        let database = try await TestDatabase.open()
        let expires = Date().addingTimeInterval(3600)
        #expect(try await database.setSession(key: "k", value: Data("a".utf8), person: "cm-1", expiresAt: expires, onlyIfNew: true))
        #expect(try await database.setSession(key: "k", value: Data("b".utf8), person: "cm-1", expiresAt: nil, onlyIfNew: false))
        let updated = try #require(try await database.session(key: "k", now: Date()))
        #expect(updated.value == Data("b".utf8))
        #expect(updated.expiresAt.map { abs($0.timeIntervalSince(expires)) < 1 } == true, "an update keeps the expiry")

        try await database.removeSession(key: "k")
        #expect(try await database.setSession(key: "k", value: Data("c".utf8), person: "cm-1", expiresAt: nil, onlyIfNew: false) == false)
        #expect(try await database.session(key: "k", now: Date()) == nil, "a request that was running when the session ended does not revive it")
        let rows = try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dashboard_session") }
        #expect(rows == 0)
    }

    @Test func expiredSessionsArePruned() async throws {
        let database = try await TestDatabase.open()
        let now = Date()
        _ = try await database.setSession(key: "old", value: Data([1]), person: nil, expiresAt: now.addingTimeInterval(-1), onlyIfNew: true)
        _ = try await database.setSession(key: "live", value: Data([2]), person: nil, expiresAt: now.addingTimeInterval(60), onlyIfNew: true)
        #expect(try await database.pruneSessions(now: now) == 1)
        #expect(try await database.session(key: "live", now: now) != nil)
    }

    @Test func sessionsOpenBeforeTheMigrationNameTheirManager() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v9-rep-contact-by-outbox")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO dashboard_session (key, value, expires_at) VALUES (?, ?, NULL), (?, ?, NULL), (?, ?, NULL)", arguments: [
                "manager", Data(#"{"viewer":{"manager":"cm-1","partners":["p-1"]},"csrf":"x"}"#.utf8),
                "admin", Data(#"{"viewer":{"partners":[]},"csrf":"y"}"#.utf8),
                "garbled", Data([0xFF, 0x00]),
            ])
        }
        try AppDatabase.migrator.migrate(queue)
        let owners = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT key, person_id FROM dashboard_session ORDER BY key").map { ($0["key"] as String, $0["person_id"] as String?) }
        }
        #expect(owners.map(\.0) == ["admin", "garbled", "manager"])
        #expect(owners.map(\.1) == [nil, nil, "cm-1"])
    }
}
