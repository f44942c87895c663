import DecayCore
import DecayStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /metrics` on a real registry: who may read it, and the series that requests through the router leave behind.
@Suite("Prometheus /metrics")
struct MetricsEndpointTests {
    static let metricsToken = "test-metrics-token-9876543210"

    /// The scrape as `series -> value`, e.g. `decay_http_requests_total{route="/health",method="GET",status="200"}`.
    static func scrape(_ client: some TestClientProtocol) async throws -> [String: Double] {
        let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.metricsToken)"])
        #expect(response.status == .ok)
        return MetricsText.samples(String(buffer: response.body))
    }

    static func requests(_ route: String, _ method: String, _ status: Int) -> String {
        #"decay_http_requests_total{route="\#(route)",method="\#(method)",status="\#(status)"}"#
    }

    static func events(_ source: String, _ outcome: String) -> String {
        #"decay_inbound_events_total{source="\#(source)",outcome="\#(outcome)"}"#
    }

    @Test func metricsNeedTheAdminOrTheMetricsToken() async throws {
        let (app, _) = try await ServerTests.makeApp(metricsToken: Self.metricsToken)
        try await app.test(.router) { client in
            let missing = try await client.execute(uri: "/metrics", method: .get)
            #expect(missing.status == .unauthorized)
            #expect(try ServerTests.error(missing)["code"] as? String == "unauthorized")
            #expect(missing.headers[.wwwAuthenticate] == "Bearer")
            let wrong = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer nope"])
            #expect(wrong.status == .unauthorized)
            let empty = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer "])
            #expect(empty.status == .unauthorized)

            let admin = try await client.execute(uri: "/metrics", method: .get, headers: ServerTests.auth)
            #expect(admin.status == .ok)
            #expect(admin.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(String(buffer: admin.body).contains("# TYPE decay_inbound_events_total counter"))
            let scraper = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.metricsToken)"])
            #expect(scraper.status == .ok)

            let api = try await client.execute(uri: "/api/partners", method: .get, headers: [.authorization: "Bearer \(Self.metricsToken)"])
            #expect(api.status == .unauthorized, "the metrics token opens /metrics only")
        }
    }

    @Test func withoutAMetricsTokenOnlyTheAdminTokenReadsMetrics() async throws {
        let (app, _) = try await ServerTests.makeApp()
        try await app.test(.router) { client in
            let scraper = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.metricsToken)"])
            #expect(scraper.status == .unauthorized)
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: ServerTests.auth).status == .ok)
        }
    }

    @Test func requestsAreCountedByRouteTemplateMethodAndStatus() async throws {
        let (app, _) = try await ServerTests.makeApp(metricsToken: Self.metricsToken)
        try await app.test(.router) { client in
            for _ in 0..<2 {
                #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            }
            #expect(try await client.execute(uri: "/nowhere/42", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/health", method: .delete).status == .notFound)
            #expect(try await client.execute(uri: "/api/people/nobody", method: .get, headers: ServerTests.auth).status == .notFound)
            #expect(try await client.execute(uri: "/api/partners", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/health", method: HTTPRequest.Method("BREW")!).status == .notFound)

            let samples = try await Self.scrape(client)
            #expect(samples[Self.requests("/health", "GET", 200)] == 2)
            #expect(samples[Self.requests("unmatched", "GET", 404)] == 1)
            #expect(samples[Self.requests("unmatched", "DELETE", 404)] == 1)
            #expect(samples[Self.requests("unmatched", "OTHER", 404)] == 1, "unknown methods share one label")
            #expect(samples[Self.requests("/api/people/{id}", "GET", 404)] == 1, "a handler's 404 keeps its route")
            #expect(samples[Self.requests("/api/partners", "GET", 401)] == 1)
            #expect(!samples.keys.contains { $0.contains("nobody") || $0.contains("nowhere") }, "never the raw path")
        }
    }

    @Test func inboundEventsAreCountedBySourceAndOutcomeWithTheirCommits() async throws {
        let (app, database) = try await ServerTests.makeApp(metricsToken: Self.metricsToken)
        try await EventWebhookTests.seedDirectory(database)
        let body = EventWebhookTests.response
        let unknownPerson = Array(#"{"type": "message.ack", "message": "vault-3-launch", "person": "rep-9999", "at": "2026-11-20T09:02:11Z"}"#.utf8)
        try await app.test(.router) { client in
            let signed = EventWebhookTests.headers(id: "msg_1", body: body)
            #expect(try await client.execute(uri: "/webhooks/events", method: .post, headers: signed, body: ByteBuffer(bytes: body)).status == .ok)
            #expect(try await client.execute(uri: "/webhooks/events", method: .post, headers: signed, body: ByteBuffer(bytes: body)).status == .ok)
            let unsigned: HTTPFields = [.contentType: "application/json"]
            #expect(try await client.execute(uri: "/webhooks/events", method: .post, headers: unsigned, body: ByteBuffer(bytes: body)).status == .unauthorized)
            let rejected = try await client.execute(
                uri: "/webhooks/events", method: .post, headers: EventWebhookTests.headers(id: "msg_2", body: unknownPerson), body: ByteBuffer(bytes: unknownPerson)
            )
            #expect(rejected.status == .unprocessableContent)

            let samples = try await Self.scrape(client)
            #expect(samples[Self.events("events", "accepted")] == 1)
            #expect(samples[Self.events("events", "duplicate")] == 1)
            #expect(samples[Self.events("events", "invalid")] == 1)
            #expect(samples[Self.events("events", "rejected")] == 1)
            #expect(samples[Self.events("slack", "accepted")] == 0)
            #expect(samples[Self.requests("/webhooks/events", "POST", 200)] == 2)
            #expect(samples["decay_ingest_batch_size_sum"] == 3, "the accepted, the duplicate and the rejected request each went through one commit")
            let commits = try #require(samples["decay_ingest_batch_size_count"])
            #expect((1...3).contains(commits))
            #expect(samples["decay_ingest_commit_seconds_count"] == commits)
        }
    }

    @Test func surveyPageSubmissionsCountAsThePageSource() async throws {
        let (app, database) = try await ServerTests.makeApp(metricsToken: Self.metricsToken)
        try await EventWebhookTests.seedDirectory(database)
        let survey = try #require(try ServerTests.pipeline(database).catalog.surveys["channel-health"])
        let form = ByteBuffer(string: SurveyPageTests.formBody(for: survey))
        let token = try SurveyPageTests.token()
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/s/\(token)", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/s/\(token)", method: .post, headers: headers, body: ByteBuffer(string: "q.q1=8")).status == .unprocessableContent)
            #expect(try await client.execute(uri: "/s/\(token)", method: .post, headers: headers, body: form).status == .ok)
            #expect(try await client.execute(uri: "/s/\(token)", method: .post, headers: headers, body: form).status == .ok)
            #expect(try await client.execute(uri: "/s/not-a-token", method: .post, headers: headers, body: form).status == .notFound)

            let samples = try await Self.scrape(client)
            #expect(samples[Self.events("page", "accepted")] == 1)
            #expect(samples[Self.events("page", "duplicate")] == 1)
            #expect(samples[Self.events("page", "invalid")] == 2, "a form with errors and a link that is not valid")
            #expect(samples[Self.requests("/s/{token}", "POST", 200)] == 2)
            #expect(samples[Self.requests("/s/{token}", "GET", 200)] == 1)
        }
    }

    @Test func messageReportFitsAreTimedPerMessage() async throws {
        let (app, _) = try await ServerTests.makeApp(metricsToken: Self.metricsToken)
        try await app.test(.router) { client in
            let report = try await client.execute(uri: "/api/reports/message/vault-3-launch?resamples=0", method: .get, headers: ServerTests.auth)
            #expect(report.status == .ok)
            let samples = try await Self.scrape(client)
            #expect(samples[#"decay_report_fit_seconds_count{message="vault-3-launch"}"#] == 1)
        }
    }

    @Test func outboxGaugesAreReadAtEachScrape() async throws {
        let (app, database) = try await ServerTests.makeApp(metricsToken: Self.metricsToken)
        try await app.test(.router) { client in
            let empty = try await Self.scrape(client)
            #expect(empty[#"decay_outbox_posts{status="pending"}"#] == 0)
            #expect(empty["decay_outbox_oldest_pending_age_seconds"] == 0)

            let item = OutboxItem(
                idempotencyKey: "scrape-test", kind: "test", format: "slack", destination: "https://chat.example.com/hook",
                url: "https://chat.example.com/hook", body: Data("{}".utf8)
            )
            _ = try await database.writer.write { try AppDatabase.enqueue(item, now: Date().addingTimeInterval(-30), $0) }
            let queued = try await Self.scrape(client)
            #expect(queued[#"decay_outbox_posts{status="pending"}"#] == 1)
            #expect(queued[#"decay_outbox_posts{status="dead"}"#] == 0)
            #expect((30..<60).contains(try #require(queued["decay_outbox_oldest_pending_age_seconds"])))
        }
    }
}

/// Reads the Prometheus text format into `series -> value`, skipping `#` lines.
enum MetricsText {
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
