import DecayCore
import Foundation
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
            #expect(String(buffer: admin.body).contains("# TYPE decay_http_requests_total counter"))
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
