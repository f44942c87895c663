import DecayStore
import Foundation
import GRDB
import Prometheus
import Testing

@Suite("group-commit metrics")
struct IngestMetricsTests {
    struct JobFailed: Error {}

    /// One series' value in the registry's text.
    static func value(_ series: String, in registry: PrometheusCollectorRegistry) -> Double? {
        registry.emitToString().split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
    }

    @Test func everyCommitRecordsItsBatchSizeAndLatency() async throws {
        let database = try await TestDatabase.open()
        let registry = PrometheusCollectorRegistry()
        database.batcher.metrics = IngestMetrics(factory: PrometheusMetricsFactory(registry: registry))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    _ = try? await database.batcher.submit { db in
                        if index == 7 { throw JobFailed() }
                        return try Int.fetchOne(db, sql: "SELECT ?", arguments: [index])
                    }
                }
            }
        }
        #expect(Self.value("decay_ingest_batch_size_sum", in: registry) == 20, "every job is in exactly one counted commit, the failing one too")
        let commits = try #require(Self.value("decay_ingest_batch_size_count", in: registry))
        #expect((1...20).contains(commits))
        #expect(Self.value("decay_ingest_commit_seconds_count", in: registry) == commits)
    }
}
