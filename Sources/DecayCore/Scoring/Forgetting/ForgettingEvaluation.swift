import Foundation

/// Scores for probabilistic predictions of right/wrong answers: log loss, Brier score and rank AUC.
/// A forgetting model is judged by these on held-out data against the constant-average baseline, never by fit alone.
public enum ForgettingEvaluation {
    /// Probabilities are clamped to `[1e-9, 1 - 1e-9]` before taking logs, as in the fit.
    public static let probabilityFloor = 1e-9

    /// One set of scores; `auc` is NaN when the outcomes are all one class.
    public struct Scores: Sendable, Equatable {
        public var count: Int
        public var logLoss: Double
        public var brier: Double
        public var auc: Double
        public var meanPrediction: Double
        public var observedRate: Double
    }

    public static func scores(predictions: [Double], outcomes: [Bool]) -> Scores {
        Scores(
            count: outcomes.count,
            logLoss: self.logLoss(predictions: predictions, outcomes: outcomes),
            brier: self.brier(predictions: predictions, outcomes: outcomes),
            auc: self.auc(predictions: predictions, outcomes: outcomes),
            meanPrediction: predictions.isEmpty ? .nan : predictions.reduce(0, +) / Double(predictions.count),
            observedRate: self.constantBaseline(outcomes)
        )
    }

    /// Mean negative log-likelihood in nats; ln 2 for a constant 0.5.
    public static func logLoss(predictions: [Double], outcomes: [Bool]) -> Double {
        precondition(predictions.count == outcomes.count, "one prediction per outcome")
        guard !outcomes.isEmpty else { return .nan }
        var total = 0.0
        for (prediction, outcome) in zip(predictions, outcomes) {
            let clamped = min(max(prediction, self.probabilityFloor), 1 - self.probabilityFloor)
            total -= outcome ? log(clamped) : log(1 - clamped)
        }
        return total / Double(outcomes.count)
    }

    /// Mean squared error of the probabilities; 0.25 for a constant 0.5.
    public static func brier(predictions: [Double], outcomes: [Bool]) -> Double {
        precondition(predictions.count == outcomes.count, "one prediction per outcome")
        guard !outcomes.isEmpty else { return .nan }
        let total = zip(predictions, outcomes).reduce(0.0) { sum, pair in
            let error = pair.0 - (pair.1 ? 1 : 0)
            return sum + error * error
        }
        return total / Double(outcomes.count)
    }

    /// Probability that a random correct answer got a higher prediction than a random wrong one (Mann–Whitney,
    /// tied predictions count one half via average ranks). 1 for a perfect ranking, 0.5 for a constant.
    public static func auc(predictions: [Double], outcomes: [Bool]) -> Double {
        precondition(predictions.count == outcomes.count, "one prediction per outcome")
        let positives = outcomes.filter { $0 }.count
        let negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return .nan }
        let order = predictions.indices.sorted { predictions[$0] < predictions[$1] }
        var positiveRankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && predictions[order[end + 1]] == predictions[order[start]] {
                end += 1
            }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end where outcomes[order[position]] {
                positiveRankSum += averageRank
            }
            start = end + 1
        }
        let smallest = Double(positives) * Double(positives + 1) / 2
        return (positiveRankSum - smallest) / (Double(positives) * Double(negatives))
    }

    /// The constant-average baseline: the share correct in the training outcomes.
    public static func constantBaseline(_ outcomes: [Bool]) -> Double {
        guard !outcomes.isEmpty else { return .nan }
        return Double(outcomes.filter { $0 }.count) / Double(outcomes.count)
    }
}
