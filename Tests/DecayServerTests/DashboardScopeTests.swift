import DecayApp
import DecayCore
@testable import DecayServer
import DecayStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// A manager's session follows the directory: a partner moved to another manager leaves an open session within a
/// minute, and erasing the manager ends their sessions at once. Real HTTP on loopback, a real SQLite file.
@Suite("Dashboard scope over time")
struct DashboardScopeTests {
    /// The path of `manager`'s signed link, as their digest carries it.
    static func linkPath(_ database: AppDatabase, manager: String) throws -> String {
        let access = DashboardAccess(
            store: database, signer: try ServerTests.secrets().links, adminToken: ServerTests.token, baseURL: "http://127.0.0.1:0")
        let link = access.link(manager: manager, now: Date())
        return String(link[try #require(link.range(of: "/login/link")).lowerBound...])
    }

    /// Moves every stored session's last scope check back by `seconds`, as if that time had passed.
    static func age(_ database: AppDatabase, by seconds: TimeInterval) async throws {
        try await database.writer.write { db in
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM dashboard_session") {
                var session = try JSONDecoder().decode(DashboardSession.self, from: row["value"] as Data)
                session.scopeCheckedAt = session.scopeCheckedAt?.addingTimeInterval(-seconds)
                try db.execute(sql: "UPDATE dashboard_session SET value = ? WHERE key = ?", arguments: [try JSONEncoder().encode(session), row["key"] as String])
            }
        }
    }

    @Test func aPartnerMovedToAnotherManagerLeavesTheOpenSessionWithinAMinute() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let partners = try await database.partners()
        let manager = try #require(Dictionary(grouping: partners.filter { $0.manager != nil }, by: { $0.manager! }).first { $0.value.count >= 2 }?.key)
        let moved = try #require(partners.first { $0.manager == manager })
        let successor = try #require(partners.compactMap(\.manager).first { $0 != manager })
        let path = try Self.linkPath(database, manager: manager)
        try await app.test(.live) { client in
            var browser = DashboardTests.Browser()
            #expect(try await browser.openLink(client, path).status == .seeOther)
            #expect(try await browser.get(client, "/partners/\(moved.id)").status == .ok)

            var handedOver = moved
            handedOver.manager = successor
            _ = try await database.upsertPartners([handedOver], from: .cli)
            #expect(try await browser.get(client, "/partners/\(moved.id)").status == .ok, "the scope is trusted for a minute")
            try await Self.age(database, by: DashboardSession.scopeRecheck)
            #expect(try await browser.get(client, "/partners/\(moved.id)").status == .notFound, "a minute later the partner is gone")
            let list = DashboardTests.text(try await browser.get(client, "/partners"))
            #expect(!list.contains("/partners/\(moved.id)\""))
            #expect(try await browser.get(client, "/").status == .ok, "the session itself stays open")
        }
    }

    @Test func erasingAManagerEndsTheirSessionsAtOnceAndLeavesOthers() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let manager = try #require(try await database.partners().compactMap(\.manager).first)
        let path = try Self.linkPath(database, manager: manager)
        try await app.test(.live) { client in
            var theirs = DashboardTests.Browser()
            #expect(try await theirs.openLink(client, path).status == .seeOther)
            var admin = DashboardTests.Browser()
            #expect(try await admin.signIn(client).status == .seeOther)
            #expect(try await theirs.get(client, "/").status == .ok)

            let report = try await PersonErasure(store: database).erase(manager)
            #expect(report.removed.sessions == 1)
            let left = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dashboard_session WHERE person_id = ?", arguments: [manager]) }
            #expect(left == 0)
            let after = try await theirs.get(client, "/")
            #expect(after.status == .seeOther && after.headers[.location] == "/login", "the erased manager's cookie opens nothing")
            #expect(try await admin.get(client, "/").status == .ok, "the admin's session is untouched")
        }
    }

    @Test func aManagerWhoNoLongerManagesAnyoneIsSignedOutAtTheNextCheck() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let partners = try await database.partners()
        let manager = try #require(partners.compactMap(\.manager).first)
        let path = try Self.linkPath(database, manager: manager)
        try await app.test(.live) { client in
            var browser = DashboardTests.Browser()
            #expect(try await browser.openLink(client, path).status == .seeOther)
            let form = try #require(DashboardTests.csrf(in: try await browser.get(client, "/")))
            let successor = try #require(partners.compactMap(\.manager).first { $0 != manager })
            let handedOver = partners.filter { $0.manager == manager }.map { partner in
                var partner = partner
                partner.manager = successor
                return partner
            }
            _ = try await database.upsertPartners(handedOver, from: .cli)
            try await Self.age(database, by: DashboardSession.scopeRecheck)
            let post = try await browser.post(client, "/logout", form: "csrf=\(form)")
            #expect(post.status == .forbidden, "a form posted after the scope is gone is refused")
            #expect(browser.cookies["decay_session"] == nil, "and the session cookie is cleared")
            let rows = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dashboard_session") }
            #expect(rows == 0)
            let page = try await browser.get(client, "/")
            #expect(page.status == .seeOther && page.headers[.location] == "/login")
        }
    }
}
