import DecayApp
import DecayStore
import Metrics
import Prometheus

/// The service's metrics: one Prometheus registry and the swift-metrics factory that records into it, with
/// histogram buckets sized for what MessageDecay measures. `GET /metrics` renders the registry.
///
///     let metrics = ServerMetrics()
///     let app = buildApplication(settings: settings, database: database, catalog: catalog, logger: logger, metrics: metrics)
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// What the emitters are made from, e.g. `InboundMetrics(factory: metrics.factory)`.
    public let factory: any MetricsFactory

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[IngestMetrics.batchSize] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
        factory.durationHistogramBuckets[IngestMetrics.commitSeconds] = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
        ]
        factory.durationHistogramBuckets[ReportMetrics.fitSeconds] = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(120),
        ]
        self.registry = registry
        self.factory = factory
    }

    /// Everything recorded so far, in the Prometheus text format (version 0.0.4).
    public func render() -> [UInt8] {
        self.registry.emitToBuffer()
    }
}
