import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing

/// Delivery attempts and outbox gauges, recorded into a real Prometheus registry.
@Suite("delivery metrics")
struct DeliveryMetricsTests {
    /// One series' value in the registry's text, e.g. `decay_outbox_posts{status="dead"}`.
    static func value(_ series: String, in registry: PrometheusCollectorRegistry) -> Double? {
        registry.emitToString().split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
    }

    static func attempts(_ format: ChatFormat, _ result: String) -> String {
        #"decay_delivery_attempts_total{format="\#(format.rawValue)",result="\#(result)"}"#
    }

    static func latencyCount(_ format: ChatFormat) -> String {
        #"decay_delivery_attempt_seconds_count{format="\#(format.rawValue)"}"#
    }

    @Test func attemptsAreCountedByFormatAndResultWithTheirLatency() async throws {
        let (database, _) = try await OutboxWorkerTests.database()
        let registry = PrometheusCollectorRegistry()
        let metrics = DeliveryMetrics(factory: PrometheusMetricsFactory(registry: registry))
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await OutboxWorkerTests.enqueue(database, key: "ok", url: "\(base)/ok")
            try await OutboxWorkerTests.enqueue(database, key: "bad", url: "\(base)/bad")
            try await OutboxWorkerTests.enqueue(database, key: "flaky", url: "\(base)/flaky", format: .teams)
            try await OutboxWorkerTests.enqueue(database, key: "gone", url: "\(base)/gone", format: .discord)
            try await OutboxWorkerTests.enqueue(database, key: "refused", url: "https://10.0.0.1/hook", format: .mattermost)
            // No scripted stall here, so a loaded machine gets long timeouts: a slow loopback answer must not count as a retry.
            var configuration = try OutboxWorkerTests.configuration()
            configuration.totalTimeout = 30
            configuration.connectTimeout = 15
            let worker = OutboxWorker(database: database, configuration: configuration, logger: Logger(label: "test"), metrics: metrics)
            try await worker.deliverDue(horizon: .seconds(60))  // room for the retries on a loaded machine; it exits once nothing is pending
        }
        #expect(Self.value(Self.attempts(.slack, "delivered"), in: registry) == 1)
        #expect(Self.value(Self.attempts(.slack, "dead"), in: registry) == 1, "a 400 is not retried")
        #expect(Self.value(Self.attempts(.slack, "retry"), in: registry) == 0)
        #expect(Self.value(Self.attempts(.teams, "retry"), in: registry) == 2, "two 500s, then a 200")
        #expect(Self.value(Self.attempts(.teams, "delivered"), in: registry) == 1)
        #expect(Self.value(Self.attempts(.discord, "dead"), in: registry) == 1, "a 410 counts as dead")
        #expect(Self.value(Self.attempts(.mattermost, "dead"), in: registry) == 1, "a refused destination is a dead attempt")
        #expect(Self.value(Self.latencyCount(.slack), in: registry) == 2)
        #expect(Self.value(Self.latencyCount(.teams), in: registry) == 3)
        #expect(Self.value(Self.latencyCount(.mattermost), in: registry) == 0, "nothing went on the wire")
    }

    @Test func outboxGaugesShowDepthPerStatusAndTheOldestPendingAge() async throws {
        let (database, _) = try await OutboxWorkerTests.database()
        let registry = PrometheusCollectorRegistry()
        let gauges = OutboxGauges(factory: PrometheusMetricsFactory(registry: registry))
        let now = Date()
        for (key, age) in [("a", 300.0), ("b", 60.0), ("c", 10.0), ("d", 5.0)] {
            let item = OutboxItem(idempotencyKey: key, kind: "test", format: "slack", destination: "https://chat.example.com/\(key)", url: "https://chat.example.com/\(key)", headers: [], body: Data("{}".utf8))
            _ = try await database.writer.write { try AppDatabase.enqueue(item, now: now.addingTimeInterval(-age), $0) }
        }
        let ids = try await OutboxWorkerTests.entries(database).mapValues(\.id)
        try await database.recordOutboxResults([
            .delivered(id: try #require(ids["a"]), status: 200, at: now), .dead(id: try #require(ids["c"]), status: 400, error: "HTTP 400"),
        ])
        try await gauges.refresh(from: database, now: now)
        #expect(Self.value(#"decay_outbox_posts{status="pending"}"#, in: registry) == 2)
        #expect(Self.value(#"decay_outbox_posts{status="delivered"}"#, in: registry) == 1)
        #expect(Self.value(#"decay_outbox_posts{status="dead"}"#, in: registry) == 1)
        let age = try #require(Self.value("decay_outbox_oldest_pending_age_seconds", in: registry))
        #expect(abs(age - 60) < 0.001, "b is the oldest post still pending; a was delivered")

        try await database.recordOutboxResults([
            .delivered(id: try #require(ids["b"]), status: 200, at: now), .delivered(id: try #require(ids["d"]), status: 200, at: now),
        ])
        try await gauges.refresh(from: database, now: now)
        #expect(Self.value(#"decay_outbox_posts{status="pending"}"#, in: registry) == 0)
        #expect(Self.value(#"decay_outbox_posts{status="delivered"}"#, in: registry) == 3)
        #expect(Self.value("decay_outbox_oldest_pending_age_seconds", in: registry) == 0)
    }
}
