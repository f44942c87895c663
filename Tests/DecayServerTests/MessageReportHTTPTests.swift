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

/// The relays of the message report: pages of them, all of them as CSV, and 400s naming the paging field at fault.
@Suite("Message report relays over HTTP")
struct MessageReportRelaysHTTPTests {
    @Test func pagesThroughTheRelaysWorstFirst() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            let base = "/api/reports/message/vault-3-launch?resamples=0"
            let all = try ServerTests.json(try await client.execute(uri: base + "&relays_limit=all", method: .get, headers: ServerTests.auth))
            let total = try #require(all["relays_total"] as? Int)
            let relays = try #require(all["relays"] as? [[String: Any]])
            #expect(total > 20, "the demo needs more relays than the default page")
            #expect(relays.count == total)
            let fidelities = relays.compactMap { $0["fidelity"] as? Double }
            #expect(fidelities == fidelities.sorted())
            #expect((relays[0]["points"] as? [String: String])?.keys.sorted() == ["hipaa-audit", "immutable-copies", "restore-sla", "target-market"])

            let first = try ServerTests.json(try await client.execute(uri: base, method: .get, headers: ServerTests.auth))
            #expect((first["relays"] as? [Any])?.count == 20)
            #expect(first["relays_offset"] as? Int == 0)
            let page = try ServerTests.json(try await client.execute(uri: base + "&relays_limit=2&relays_offset=18", method: .get, headers: ServerTests.auth))
            let paged = try #require(page["relays"] as? [[String: Any]])
            #expect(page["relays_offset"] as? Int == 18 && page["relays_total"] as? Int == total)
            #expect(paged.map { $0["from"] as? String } == relays[18..<20].map { $0["from"] as? String })
            let past = try ServerTests.json(try await client.execute(uri: base + "&relays_offset=\(total + 5)", method: .get, headers: ServerTests.auth))
            #expect((past["relays"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func givesEveryRelayAsCSV() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/reports/message/vault-3-launch?format=csv", method: .get, headers: ServerTests.auth)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: response.body).split(separator: "\r\n", omittingEmptySubsequences: true)
            #expect(lines.first == "from,at,recipients,fidelity,rouge1_recall,target-market,immutable-copies,hipaa-audit,restore-sla")
            let all = try ServerTests.json(try await client.execute(
                uri: "/api/reports/message/vault-3-launch?resamples=0&relays_limit=all", method: .get, headers: ServerTests.auth))
            #expect(lines.count == (all["relays_total"] as? Int ?? -1) + 1)
            let verdicts = Set(lines.dropFirst().flatMap { $0.split(separator: ",").suffix(4).map(String.init) })
            #expect(!verdicts.isEmpty)
            #expect(verdicts.allSatisfy { ["present", "missing", "distorted"].contains($0) || $0.hasPrefix("not scored (language ") }, "\(verdicts)")
        }
    }

    @Test(arguments: [
        ("relays_limit=-1", "relays_limit"), ("relays_limit=many", "relays_limit"), ("relays_limit=10001", "relays_limit"),
        ("relays_limit=2.5", "relays_limit"), ("relays_offset=-3", "relays_offset"), ("relays_offset=all", "relays_offset"),
        ("format=xml", "format"), ("format=csv&relays_limit=-1", "relays_limit"), ("format=csv&resamples=-1", "resamples"),
    ])
    func refusesBadPagingNamingTheField(query: String, field: String) async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/reports/message/vault-3-launch?\(query)", method: .get, headers: ServerTests.auth)
            #expect(response.status == .badRequest)
            #expect(try ServerTests.error(response)["field"] as? String == field)
        }
    }
}
