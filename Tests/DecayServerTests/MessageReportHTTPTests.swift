import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/reports/message/{id}`: the message report as JSON, and a JSON error naming the bad parameter.
@Suite("Message report over HTTP")
struct MessageReportHTTPTests {
    @Test func reportsTheMessage() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/reports/message/vault-3-launch?resamples=5", method: .get, headers: ServerTests.auth)
            #expect(response.status == .ok)
            let report = try ServerTests.json(response)
            #expect(report["message"] as? String == "vault-3-launch")
            #expect(report["version"] as? Int != nil)
        }
    }

    @Test func refusesWithTheFieldAtFault() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            for resamples in ["-1", "2001", "many", "1.5"] {
                let response = try await client.execute(
                    uri: "/api/reports/message/vault-3-launch?resamples=\(resamples)", method: .get, headers: ServerTests.auth)
                #expect(response.status == .badRequest, "resamples=\(resamples)")
                #expect(try ServerTests.error(response)["field"] as? String == "resamples", "resamples=\(resamples)")
            }
            let unknown = try await client.execute(uri: "/api/reports/message/no-such-message", method: .get, headers: ServerTests.auth)
            #expect(unknown.status == .notFound)
            let anonymous = try await client.execute(uri: "/api/reports/message/vault-3-launch", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
