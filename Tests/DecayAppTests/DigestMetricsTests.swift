import DecayApp
import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Logging
import Prometheus
import Testing

/// Digest runs, queued digests, failures and report fit times, recorded into a real Prometheus registry.
@Suite("digest metrics")
struct DigestMetricsTests {
    static func value(_ series: String, in registry: PrometheusCollectorRegistry) -> Double? {
        registry.emitToString().split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
    }

    @Test func digestRunsQueuedDigestsAndReportFitsAreCounted() async throws {
        let database = try await TestDatabase.open()
        let catalog = try TestDatabase.catalog()
        _ = try await DemoSeeding(store: database, catalog: catalog).seed(3, asOf: DigestSchedulerTests.utc("2026-11-20T00:00:00Z"), partners: 3)
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let digests = Digests(store: database, catalog: catalog, metrics: ReportMetrics(factory: factory))
        let scheduler = DigestScheduler(
            store: database, schedule: .standard, composer: StoreDigestComposer(digests: digests, resamples: 0),
            policy: DestinationPolicy(), outbox: nil, logger: Logger(label: "test"), metrics: DigestMetrics(factory: factory)
        )
        _ = try await scheduler.runOnce(now: DigestSchedulerTests.utc("2026-11-18T12:00:00Z"))
        let queued = try await scheduler.runOnce(now: DigestSchedulerTests.utc("2026-11-23T23:00:00Z"))
        #expect(!queued.isEmpty)
        #expect(Self.value("decay_digest_runs_total", in: registry) == 2)
        #expect(Self.value("decay_digests_queued_total", in: registry) == Double(queued.count))
        #expect(Self.value("decay_digest_failures_total", in: registry) == 0)
        let fits = registry.emitToString().split(separator: "\n").filter { $0.hasPrefix(#"decay_report_fit_seconds_count{message=""#) }
        #expect(!fits.isEmpty, "the digests' message reports are timed")
    }

    @Test func aDigestThatCannotBeBuiltCountsAsAFailure() async throws {
        let database = try await TestDatabase.open()
        let registry = PrometheusCollectorRegistry()
        let scheduler = DigestScheduler(
            store: database, schedule: .standard, composer: FailingComposer(), policy: DestinationPolicy(), outbox: nil,
            logger: Logger(label: "test"), metrics: DigestMetrics(factory: PrometheusMetricsFactory(registry: registry))
        )
        _ = try await scheduler.runOnce(now: DigestSchedulerTests.utc("2026-11-18T12:00:00Z"))
        #expect(try await scheduler.runOnce(now: DigestSchedulerTests.utc("2026-11-23T23:00:00Z")).isEmpty)
        #expect(Self.value("decay_digest_runs_total", in: registry) == 2)
        #expect(Self.value("decay_digest_failures_total", in: registry) == 1)
        #expect(Self.value("decay_digests_queued_total", in: registry) == 0)
    }
}

/// One manager whose digest never builds.
private struct FailingComposer: DigestComposer {
    func targets() async throws -> [DigestTarget] {
        [DigestTarget(manager: "cm-x", timeZone: .gmt, chat: ChatDestination(format: .slack, url: "https://chat.example.com/hook"))]
    }

    func payload(for target: DigestTarget, week: ISOWeek, now: Date) async throws -> ChatPayload {
        throw DigestError.unknownManager(target.manager)
    }
}
