import Metrics
import Prometheus

/// The service's metrics: one Prometheus registry and the swift-metrics factory that records into it.
/// `GET /metrics` renders the registry.
///
///     let metrics = ServerMetrics()
///     let app = buildApplication(settings: settings, database: database, catalog: catalog, logger: logger, metrics: metrics)
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// What the emitters are made from, e.g. `InboundMetrics(factory: metrics.factory)`.
    public let factory: any MetricsFactory

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Everything recorded so far, in the Prometheus text format (version 0.0.4).
    public func render() -> [UInt8] {
        self.registry.emitToBuffer()
    }
}
