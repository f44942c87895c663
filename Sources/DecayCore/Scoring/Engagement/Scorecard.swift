import Foundation

/// A partner's actuals against its category's targets, one line per targeted metric,
/// so a channel manager sees at a glance what is met and by how much the rest falls short.
public struct Scorecard: Sendable, Equatable {
    public var partner: String
    public var category: String
    /// One line per metric that has a target, in `Metric.allCases` order.
    public var lines: [ScorecardLine]

    public init(engagement: PartnerEngagement, targets: ScoreTargets) {
        let applicable = targets.targets(for: engagement.category)
        self.partner = engagement.partner
        self.category = engagement.category
        self.lines = Metric.allCases.compactMap { metric in
            applicable[metric].map {
                ScorecardLine(metric: metric, target: $0, actual: engagement.value(of: metric))
            }
        }
    }

    /// Lines whose target is met.
    public var metCount: Int { self.lines.filter { $0.met == true }.count }
    /// Lines whose target is missed.
    public var missedCount: Int { self.lines.filter { $0.met == false }.count }
    /// Lines without an actual (no data, or fewer than 3 people).
    public var unknownCount: Int { self.lines.filter { $0.met == nil }.count }
}

/// One metric on a scorecard: target, actual, and the gap signed so that positive is always good.
public struct ScorecardLine: Sendable, Equatable, Hashable {
    public var metric: Metric
    public var target: Double
    /// Nil when there is no data or the display rule hides it.
    public var actual: Double?

    public init(metric: Metric, target: Double, actual: Double?) {
        self.metric = metric
        self.target = target
        self.actual = actual
    }

    /// How far the actual is on the good side of the target, in the metric's units:
    /// `actual − target`, or `target − actual` for lower-is-better `median_ack_hours`. Negative = short.
    public var gap: Double? {
        guard let actual = self.actual else { return nil }
        return self.metric.higherIsBetter ? actual - self.target : self.target - actual
    }

    /// Whether the target is met (reaching it exactly counts); nil without an actual.
    public var met: Bool? {
        self.gap.map { $0 >= 0 }
    }
}
