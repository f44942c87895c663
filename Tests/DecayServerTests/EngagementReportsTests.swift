import DecayApp
import DecayCore
import DecayStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Engagement reports over HTTP")
struct EngagementReportsTests {
    /// The app with the demo channel seeded as of 2026-11-20.
    static func seededApp() async throws -> (some ApplicationProtocol, AppDatabase) {
        let (app, database) = try await ServerTests.makeApp()
        let catalog = try ContentCatalog.load(
            messagesDirectory: ServerTests.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: ServerTests.repoRoot.appendingPathComponent("surveys").path
        ).get()
        try await ContentSync(store: database, catalog: catalog).run()
        let channel = DemoGenerator(seed: 2, asOf: Date(timeIntervalSince1970: 1_795_132_800)).generate(catalog: catalog)
        try await database.saveDemo(channel)
        return (app, database)
    }

    @Test func partnersReportNeedsTheTokenAndFiltersByCategory() async throws {
        let (app, _) = try await Self.seededApp()
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/api/reports/partners", method: .get)
            #expect(anonymous.status == .unauthorized)

            let all = try await client.execute(uri: "/api/reports/partners?as_of=2026-11-20", method: .get, headers: ServerTests.auth)
            #expect(all.status == .ok)
            let body = try ServerTests.json(all)
            #expect(body["as_of"] as? String == "2026-11-21T00:00:00Z")
            let partners = try #require(body["partners"] as? [[String: Any]])
            #expect(partners.count == 40)
            let overall = try #require(body["overall"] as? [String: Any])
            #expect(overall["partners"] as? Int == 40)
            #expect(overall["score_gini"] as? Double != nil)
            let first = try #require(partners.first)
            #expect(first["rank_in_category"] as? Int == 1)
            #expect((first["ack_rate"] as? [String: Any])?["text"] as? String != nil)

            let msp = try await client.execute(uri: "/api/reports/partners?category=msp", method: .get, headers: ServerTests.auth)
            let mspPartners = try #require(try ServerTests.json(msp)["partners"] as? [[String: Any]])
            #expect(!mspPartners.isEmpty && mspPartners.allSatisfy { $0["category"] as? String == "msp" })

            let bad = try await client.execute(uri: "/api/reports/partners?as_of=yesterday", method: .get, headers: ServerTests.auth)
            #expect(bad.status == .badRequest)
            #expect(try ServerTests.error(bad)["field"] as? String == "as_of")
        }
    }

    @Test func personReportAnswersAndUnknownPersonIs404() async throws {
        let (app, database) = try await Self.seededApp()
        let person = try #require(try await database.people().first { $0.role == .partnerManager })
        try await app.test(.router) { client in
            let found = try await client.execute(uri: "/api/reports/person/\(person.id)", method: .get, headers: ServerTests.auth)
            #expect(found.status == .ok)
            let body = try ServerTests.json(found)
            #expect((body["person"] as? [String: Any])?["id"] as? String == person.id)
            let deliveries = try #require(body["deliveries"] as? [[String: Any]])
            #expect(!deliveries.isEmpty)
            #expect((body["engagement"] as? [String: Any])?["delivered"] as? Int == deliveries.count)

            let missing = try await client.execute(uri: "/api/reports/person/nobody", method: .get, headers: ServerTests.auth)
            #expect(missing.status == .notFound)
            #expect(try ServerTests.error(missing)["code"] as? String == "not_found")
        }
    }
}
