import Foundation

/// Fits ``PersonalRecallModel`` by maximum likelihood: Fisher scoring on the weights (exact Newton when there is no
/// guessing floor) with a small ridge, for each pair of pseudo-counts on a grid; the pair with the best training
/// likelihood wins. Pure and deterministic.
public struct PersonalRecallFitter: Sendable {
    /// One answer to learn from: the person's state just before it, when, the population prior, the floor, the outcome.
    public struct Example: Sendable, Equatable {
        public var state: RecallState
        public var at: Double
        public var prior: Double
        public var guess: Double
        public var correct: Bool

        public init(state: RecallState, at: Double, prior: Double, guess: Double, correct: Bool) {
            self.state = state
            self.at = at
            self.prior = prior
            self.guess = guess
            self.correct = correct
        }
    }

    /// L2 penalty on the weights, for a unique optimum when features are nearly collinear.
    public var ridge: Double
    /// (α, β) pairs tried.
    public var pseudoCounts: [(right: Double, wrong: Double)]

    public init(ridge: Double = 1e-3, pseudoCounts: [(right: Double, wrong: Double)] = Self.defaultPseudoCounts) {
        self.ridge = ridge
        self.pseudoCounts = pseudoCounts
    }

    public static let defaultPseudoCounts: [(right: Double, wrong: Double)] = [
        (0.5, 0.5), (1, 0.5), (1, 1), (1.5, 0.5), (2, 1), (2, 2), (3, 1), (4, 1), (6, 2),
    ]

    /// The best model on `examples`, with its mean training log loss.
    public func fit(_ examples: [Example]) -> (model: PersonalRecallModel, logLoss: Double) {
        var best: (model: PersonalRecallModel, logLoss: Double)?
        for counts in self.pseudoCounts {
            let start = PersonalRecallModel(
                weights: [Double](repeating: 0, count: PersonalRecallModel.featureNames.count), priorRight: counts.right, priorWrong: counts.wrong)
            let model = self.fitWeights(start, examples)
            let loss = Self.logLoss(model, examples)
            if best == nil || loss < best!.logLoss { best = (model, loss) }
        }
        return best ?? (PersonalRecallModel(weights: [0, 0, 0, 0, 0, 0, 0], priorRight: 1, priorWrong: 1), .nan)
    }

    public static func logLoss(_ model: PersonalRecallModel, _ examples: [Example]) -> Double {
        ForgettingEvaluation.logLoss(
            predictions: examples.map { model.probability($0.state, at: $0.at, prior: $0.prior, guess: $0.guess) },
            outcomes: examples.map(\.correct))
    }

    private func fitWeights(_ start: PersonalRecallModel, _ examples: [Example]) -> PersonalRecallModel {
        let features = examples.map { start.features($0.state, at: $0.at, prior: $0.prior) }
        let size = start.weights.count
        var model = start
        var previous = Self.penalisedLoss(model, features, examples, ridge: self.ridge)
        for _ in 0..<100 {
            var gradient = [Double](repeating: 0, count: size)
            var information = [Double](repeating: 0, count: size * size)
            for (x, example) in zip(features, examples) {
                let knows = PersonalRecallModel.sigmoid(zip(model.weights, x).reduce(0) { $0 + $1.0 * $1.1 })
                let p = min(max(example.guess + (1 - example.guess) * knows, 1e-9), 1 - 1e-9)
                let slope = (1 - example.guess) * knows * (1 - knows)
                let score = (example.correct ? 1 / p : -1 / (1 - p)) * slope
                let weight = slope * slope / (p * (1 - p))
                for i in 0..<size {
                    gradient[i] -= score * x[i]
                    for j in 0...i { information[i * size + j] += weight * x[i] * x[j] }
                }
            }
            for i in 0..<size {
                gradient[i] += self.ridge * model.weights[i]
                information[i * size + i] += self.ridge
                for j in 0..<i { information[j * size + i] = information[i * size + j] }
            }
            guard let step = DampedNewton.solveCholesky(information, gradient) else { break }
            var scale = 1.0
            var accepted = false
            while scale > 1e-4 {
                var trial = model
                for i in 0..<size { trial.weights[i] -= scale * step[i] }
                let loss = Self.penalisedLoss(trial, features, examples, ridge: self.ridge)
                if loss <= previous {
                    let gain = previous - loss
                    model = trial
                    previous = loss
                    accepted = true
                    if gain < 1e-12 * max(1, loss) { return model }
                    break
                }
                scale /= 2
            }
            if !accepted { break }
        }
        return model
    }

    private static func penalisedLoss(_ model: PersonalRecallModel, _ features: [[Double]], _ examples: [Example], ridge: Double) -> Double {
        var total = 0.0
        for (x, example) in zip(features, examples) {
            let knows = PersonalRecallModel.sigmoid(zip(model.weights, x).reduce(0) { $0 + $1.0 * $1.1 })
            let p = min(max(example.guess + (1 - example.guess) * knows, 1e-9), 1 - 1e-9)
            total -= example.correct ? log(p) : log(1 - p)
        }
        return total + 0.5 * ridge * model.weights.reduce(0) { $0 + $1 * $1 }
    }
}
