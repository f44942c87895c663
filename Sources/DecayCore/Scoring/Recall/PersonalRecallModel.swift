import Foundation

/// The probability that one person answers a question on one key point correctly at a given time, from their own
/// history (``RecallState``) on top of the population's forgetting curve (the prior). A logistic model over:
///
///     z = w · [1, logit prior, logit own rate, last answer (±1, 0 if none), log delay, last answer × log delay, log(1 + exposures)]
///     P(correct) = g + (1 - g) σ(z)
///
/// where own rate = (right + α) / (answers + α + β) is the person's success rate shrunk toward α / (α + β), the delay is
/// in days since the latest exposure (plus 0.01), and g is the guessing floor. Every weight and α, β are fitted on data
/// (``PersonalRecallFitter``); see docs/forgetting-model.md.
public struct PersonalRecallModel: Sendable, Equatable, Codable {
    public static let featureNames = ["bias", "prior", "own rate", "last answer", "log delay", "last answer × log delay", "log exposures"]
    /// Probabilities are kept inside this margin before a logit.
    static let margin = 1e-4

    public var weights: [Double]
    /// Pseudo-counts of right (α) and wrong (β) answers every person starts with.
    public var priorRight: Double
    public var priorWrong: Double

    public init(weights: [Double], priorRight: Double, priorWrong: Double) {
        precondition(weights.count == Self.featureNames.count, "one weight per feature")
        self.weights = weights
        self.priorRight = priorRight
        self.priorWrong = priorWrong
    }

    /// The features of a prediction at `at` (seconds since 1970); `prior` is the population's probability of knowing.
    public func features(_ state: RecallState, at: Double, prior: Double) -> [Double] {
        let ownRate = (Double(state.correct) + self.priorRight) / (Double(state.answers) + self.priorRight + self.priorWrong)
        let last: Double = state.lastCorrect.map { $0 ? 1 : -1 } ?? 0
        let logDelay = log(state.daysSinceExposure(at: at) + 0.01)
        return [1, Self.logit(prior), Self.logit(ownRate), last, logDelay, last * logDelay, log(1 + Double(state.exposures))]
    }

    /// P(correct) with guessing floor `guess` (1 / options for a choice question, 0 for recall).
    public func probability(_ state: RecallState, at: Double, prior: Double, guess: Double = 0) -> Double {
        let knows = Self.sigmoid(zip(self.weights, self.features(state, at: at, prior: prior)).reduce(0) { $0 + $1.0 * $1.1 })
        return guess + (1 - guess) * knows
    }

    static func logit(_ p: Double) -> Double {
        let clamped = min(max(p, self.margin), 1 - self.margin)
        return log(clamped / (1 - clamped))
    }

    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
