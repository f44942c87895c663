import DecayCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/digests/preview`: the payload a digest would post, and a JSON error naming the bad parameter.
@Suite("Digest preview over HTTP")
struct DigestPreviewTests {
    @Test func previewsTheExactPayload() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/api/digests/preview?manager=cm-1", method: .get)
            #expect(anonymous.status == .unauthorized)

            let slack = try await client.execute(
                uri: "/api/digests/preview?manager=cm-1&week=2026-W46&format=slack&resamples=10", method: .get, headers: ServerTests.auth)
            #expect(slack.status == .ok)
            let blocks = try #require(try ServerTests.json(slack)["blocks"] as? [[String: Any]])
            #expect(blocks.count <= 50)
            #expect((blocks.first?["text"] as? [String: Any])?["text"] as? String == "Weekly digest 2026-W46")

            let teams = try await client.execute(uri: "/api/digests/preview?manager=pm-001&week=2026-W46&resamples=10", method: .get, headers: ServerTests.auth)
            #expect(teams.status == .ok)
            #expect(try ServerTests.json(teams)["type"] as? String == "message", "pm-001 posts to partner-001's Teams destination")
        }
    }

    @Test func refusesWithTheFieldAtFault() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("", .badRequest, "manager"),
                ("manager=cm-1&week=2026-47", .badRequest, "week"),
                ("manager=cm-1&week=2099-W01", .badRequest, "week"),
                ("manager=cm-1&format=irc", .badRequest, "format"),
                ("manager=cm-1&resamples=-3", .badRequest, "resamples"),
                ("manager=rep-0001&week=2026-W46", .unprocessableContent, "manager"),
            ]
            for (query, status, field) in cases {
                let response = try await client.execute(uri: "/api/digests/preview?" + query, method: .get, headers: ServerTests.auth)
                #expect(response.status == status, "\(query)")
                #expect(try ServerTests.error(response)["field"] as? String == field, "\(query)")
            }
            let unknown = try await client.execute(uri: "/api/digests/preview?manager=nobody", method: .get, headers: ServerTests.auth)
            #expect(unknown.status == .notFound)
        }
    }
}
