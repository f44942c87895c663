import Foundation

/// The digest's tunable definitions; the defaults are the documented ones (docs/digest.md).
public struct DigestOptions: Sendable {
    /// A message is active when it reached one of the manager's reps within this many days before the cut-off.
    public var activeMessageDays: Double
    /// Projected recall below this share makes a message due for a re-check.
    public var recheckThreshold: Double
    /// A message is due when its projection crosses the threshold before the cut-off plus this many days.
    public var recheckLookaheadDays: Double
    /// Reps listed per partner.
    public var topReps: Int
    public var weights: ScoreWeights

    public init(
        activeMessageDays: Double = 180, recheckThreshold: Double = 0.6, recheckLookaheadDays: Double = 7, topReps: Int = 3,
        weights: ScoreWeights = .standard
    ) {
        self.activeMessageDays = activeMessageDays
        self.recheckThreshold = recheckThreshold
        self.recheckLookaheadDays = recheckLookaheadDays
        self.topReps = topReps
        self.weights = weights
    }
}

extension DigestOptions {
    /// Whether a message whose latest delivery to the manager's reps was at `latestDelivery` is active at `asOf`.
    public func isActive(latestDelivery: Date, asOf: Date) -> Bool {
        latestDelivery <= asOf && latestDelivery >= asOf.addingTimeInterval(-self.activeMessageDays * 86_400)
    }
}
