import Foundation

/// One metric's move between two snapshots of a partner (week over week), with whether it got better,
/// which depends on the metric's direction.
public struct MetricChange: Sendable, Equatable, Hashable, Codable {
    /// Better, worse or unchanged, in the metric's own direction.
    public enum Trend: String, Sendable, Codable, Hashable {
        case better
        case worse
        case unchanged
    }

    public var metric: Metric
    public var previous: Double?
    public var current: Double?

    public init(metric: Metric, previous: Double?, current: Double?) {
        self.metric = metric
        self.previous = previous
        self.current = current
    }

    /// `current − previous` in the metric's units (shares as 0...1, so 0.05 = 5 points); nil if either is.
    public var delta: Double? {
        guard let previous = self.previous, let current = self.current else { return nil }
        return current - previous
    }

    /// The direction of the move, or nil when one snapshot has no value.
    public var trend: Trend? {
        guard let delta = self.delta else { return nil }
        if abs(delta) < 1e-12 { return .unchanged }
        return (delta > 0) == self.metric.higherIsBetter ? .better : .worse
    }

    /// Changes in every metric from `previous` to `current`, in `Metric.allCases` order.
    public static func weekOverWeek(current: PartnerEngagement, previous: PartnerEngagement) -> [MetricChange] {
        Metric.allCases.map {
            MetricChange(metric: $0, previous: previous.value(of: $0), current: current.value(of: $0))
        }
    }
}
