import Foundation

/// The personal model judged honestly on the real recall log: everything (the population curve that is its prior, its
/// weights and pseudo-counts) fitted on the first 80% of reviews by time, then the last 20% scored beside the
/// population curve alone and the constant baseline. The card stands in for the person, as in ``RecallLogEvaluation``.
public struct PersonalRecallEvaluation: Sendable {
    /// Log loss at least this share below the constant baseline's, and at least this AUC, or the output says so.
    public static let logLossTarget = 0.06
    public static let aucTarget = 0.65
    /// FSRS-6's margin over the average baseline in the open srs-benchmark.
    public static let logLossMoonshot = 0.10

    public var trainingShare: Double
    /// Options of the population fit (point estimate; no interval is needed for a prior).
    public var populationOptions: ForgettingFitOptions
    public var fitter: PersonalRecallFitter

    public init(
        trainingShare: Double = 0.8, populationOptions: ForgettingFitOptions = ForgettingFitOptions(bootstrap: nil),
        fitter: PersonalRecallFitter = PersonalRecallFitter()
    ) {
        self.trainingShare = trainingShare
        self.populationOptions = populationOptions
        self.fitter = fitter
    }

    /// Held-out predictions in one probability band, against what happened.
    public struct CalibrationBin: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanPrediction: Double
        public var observedRate: Double
    }

    public struct Report: Sendable {
        public var trainingExamples: Int
        public var testExamples: Int
        public var model: PersonalRecallModel
        public var personal: ForgettingEvaluation.Scores
        public var population: ForgettingEvaluation.Scores
        public var baseline: ForgettingEvaluation.Scores
        public var baselineProbability: Double
        public var calibration: [CalibrationBin]

        /// How far below the baseline's log loss the personal model's is (0.06 = 6% lower).
        public var logLossGain: Double { 1 - self.personal.logLoss / self.baseline.logLoss }
        public var meetsTarget: Bool {
            self.logLossGain >= PersonalRecallEvaluation.logLossTarget && self.personal.auc >= PersonalRecallEvaluation.aucTarget
        }

        public var summary: String {
            func line(_ name: String, _ scores: ForgettingEvaluation.Scores) -> String {
                String(format: "%@ log loss %.4f  Brier %.4f  AUC %.4f", name, scores.logLoss, scores.brier, scores.auc)
            }
            var lines = [
                "personal recall model: \(self.trainingExamples) training / \(self.testExamples) held-out answers (last 20% by time)",
                line("personal:  ", self.personal),
                line("population:", self.population),
                line("baseline:  ", self.baseline) + String(format: "  (constant %.4f)", self.baselineProbability),
                String(format: "personal log loss %.1f%% below the baseline (target %.0f%%, moonshot %.0f%%), AUC %.3f (target %.2f): %@",
                       self.logLossGain * 100, PersonalRecallEvaluation.logLossTarget * 100, PersonalRecallEvaluation.logLossMoonshot * 100,
                       self.personal.auc, PersonalRecallEvaluation.aucTarget,
                       self.meetsTarget ? "target met" : "TARGET MISSED"),
                "weights: " + zip(PersonalRecallModel.featureNames, self.model.weights).map { String(format: "%@ %.3f", $0, $1) }.joined(separator: ", ")
                    + String(format: "; pseudo-counts right %.1f, wrong %.1f", self.model.priorRight, self.model.priorWrong),
                "calibration on held-out answers (predicted band: n, mean predicted, observed):",
            ]
            for bin in self.calibration where bin.count > 0 {
                lines.append(String(format: "  %.1f-%.1f: %5d  %.3f  %.3f", bin.lower, bin.upper, bin.count, bin.meanPrediction, bin.observedRate))
            }
            return lines.joined(separator: "\n")
        }
    }

    public func run(_ reviews: [RecallLogReview]) -> Report {
        let (examples, observations) = Self.examples(from: reviews)
        let cut = Int((Double(examples.count) * self.trainingShare).rounded(.down))
        let population = ForgettingFitter(options: self.populationOptions).fit(Array(observations[..<cut]))
        let withPrior = zip(examples, observations).map { example, observation in
            var example = example
            example.prior = population.probability(for: observation)
            return example
        }
        let training = Array(withPrior[..<cut])
        let test = Array(withPrior[cut...])
        let model = self.fitter.fit(training).model
        let outcomes = test.map(\.correct)
        let predictions = test.map { model.probability($0.state, at: $0.at, prior: $0.prior, guess: $0.guess) }
        let constant = ForgettingEvaluation.constantBaseline(training.map(\.correct))
        return Report(
            trainingExamples: training.count, testExamples: test.count, model: model,
            personal: ForgettingEvaluation.scores(predictions: predictions, outcomes: outcomes),
            population: ForgettingEvaluation.scores(predictions: test.map(\.prior), outcomes: outcomes),
            baseline: ForgettingEvaluation.scores(predictions: [Double](repeating: constant, count: test.count), outcomes: outcomes),
            baselineProbability: constant, calibration: Self.calibration(predictions: predictions, outcomes: outcomes)
        )
    }

    /// Every review after a card's first, in time order, with the card's state just before it (every earlier review
    /// an answer) and the matching observation for the population curve. Priors are filled in by ``run(_:)``.
    static func examples(from reviews: [RecallLogReview]) -> ([PersonalRecallFitter.Example], [RecallObservation]) {
        let ordered = reviews.enumerated().sorted { ($0.element.reviewedAt, $0.offset) < ($1.element.reviewedAt, $1.offset) }
        var states: [String: RecallState] = [:]
        var examples: [PersonalRecallFitter.Example] = []
        var observations: [RecallObservation] = []
        for (_, review) in ordered {
            let correct = review.rating > 1
            var state = states[review.cardID] ?? RecallState()
            if let last = state.lastExposure {
                examples.append(PersonalRecallFitter.Example(state: state, at: review.reviewedAt, prior: 0.5, guess: 0, correct: correct))
                observations.append(RecallObservation(
                    personID: review.cardID, keyPointID: RecallLog.keyPointID, days: (review.reviewedAt - last) / 86_400,
                    hops: 0, guess: 0, correct: correct))
            }
            state.answered(correct: correct, at: review.reviewedAt)
            states[review.cardID] = state
        }
        return (examples, observations)
    }

    /// Ten bands of width 0.1 over the predictions.
    static func calibration(predictions: [Double], outcomes: [Bool]) -> [CalibrationBin] {
        (0..<10).map { band in
            let lower = Double(band) / 10
            let upper = Double(band + 1) / 10
            let members = zip(predictions, outcomes).filter { prediction, _ in
                prediction >= lower && (prediction < upper || (band == 9 && prediction <= 1))
            }
            let count = members.count
            return CalibrationBin(
                lower: lower, upper: upper, count: count,
                meanPrediction: count == 0 ? .nan : members.reduce(0) { $0 + $1.0 } / Double(count),
                observedRate: count == 0 ? .nan : Double(members.filter(\.1).count) / Double(count)
            )
        }
    }
}
