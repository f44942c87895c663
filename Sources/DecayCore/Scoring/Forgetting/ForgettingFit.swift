import Foundation

/// The fitted forgetting model of one message: per key point `a` and `h`, shared `rho` and `d`,
/// with bootstrap intervals (when requested), verdicts and the data summary the figures rest on.
public struct ForgettingFit: Sendable {
    public var keyPoints: [KeyPointForgetting]
    /// Retention per relay hop; nil when the hops do not vary (see `rhoVerdict`).
    public var rho: Double?
    public var rhoInterval: BootstrapInterval?
    public var rhoVerdict: FitVerdict
    /// Power-law shape `d` (fixed unless `shapeFitted`).
    public var shape: Double
    public var shapeFitted: Bool
    public var shapeInterval: BootstrapInterval?
    /// Refuses a fitted shape that ran to its search limit or lies outside its interval; reported when the shape is assumed.
    public var shapeVerdict: FitVerdict
    /// When the shape was not fitted, why, in words ("shape assumed d = 1: ..."); nil when it was fitted.
    public var shapeAssumption: String?
    /// Message-level initial learning: logistic of the mean logit `a`, the centre the pooling pulls towards.
    public var messageInitial: Double
    /// Message-level half-life: the geometric mean of the key points', the centre the pooling pulls towards.
    public var messageHalfLife: Double
    public var messageHalfLifeInterval: BootstrapInterval?
    /// The key-point checks applied to the message-level half-life (people and delays across the message).
    public var messageHalfLifeVerdict: FitVerdict
    /// Weighted Bernoulli log-likelihood of the data at the estimate (without the pooling penalty).
    public var logLikelihood: Double
    /// Number of observations (rows) and their total weight.
    public var observations: Int
    public var totalWeight: Double
    public var people: Int
    /// Distinct delay bins (`delayBinDays` wide) across the message.
    public var delayBins: Int
    /// Weighted mean hops of the observations.
    public var meanHops: Double
    public var converged: Bool
    /// Resamples used for the intervals (0 = none) and how many of them hit the iteration limit.
    public var resamples: Int
    public var unconvergedResamples: Int

    /// The model's probability of a correct answer for `observation`; unknown key points use the message-level values.
    public func probability(for observation: RecallObservation) -> Double {
        let point = self.keyPoints.first { $0.id == observation.keyPointID }
        let curve = ForgettingCurve(
            initial: point?.initial ?? self.messageInitial, halfLife: point?.halfLife ?? self.messageHalfLife, rho: self.rho ?? 1, shape: self.shape
        )
        return curve.recall(days: observation.days, hops: observation.hops, guess: observation.guess)
    }
}

/// The fitted figures of one key point.
public struct KeyPointForgetting: Sendable {
    public var id: String
    /// Initial learning `a` (when `rho` is not fitted it also holds the loss of the constant hops).
    public var initial: Double
    public var initialInterval: BootstrapInterval?
    /// Half-life `h` in days.
    public var halfLife: Double
    public var halfLifeInterval: BootstrapInterval?
    /// Share of people who still know the point, without any guessing floor, at the projection days.
    public var projections: [RecallProjection]
    public var observations: Int
    public var people: Int
    public var delayBins: Int
    /// Verdict on the half-life (and the projections built on it).
    public var verdict: FitVerdict
    /// Verdict on the initial learning `a`: the data checks plus `a` at 0 or 1 or outside its interval.
    public var initialVerdict: FitVerdict

    /// The half-life if the verdict lets it be shown.
    public var reportedHalfLife: Double? { self.verdict.isReported ? self.halfLife : nil }
}

/// Projected knowledge `a * rho^hops * (1 + c t/h)^(-d)` at a day and (possibly fractional) hop count.
public struct RecallProjection: Sendable, Equatable {
    public var days: Double
    public var hops: Double
    public var recall: Double
    public var interval: BootstrapInterval?
}

/// A 95% percentile bootstrap interval (2.5th to 97.5th percentile of the refits).
public struct BootstrapInterval: Sendable, Equatable, Codable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ value: Double) -> Bool {
        value >= self.lower && value <= self.upper
    }
}
