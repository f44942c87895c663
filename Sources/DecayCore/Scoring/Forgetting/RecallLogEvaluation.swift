import Foundation

/// The real-data check of DESIGN.md: fit on the first 80% of the recall log by time, then score the model and
/// the constant-average baseline on the last 20%. Nothing is tuned on the held-out part; whichever wins is reported.
public struct RecallLogEvaluation: Sendable {
    /// Share of observations (in time order) used for fitting.
    public var trainingShare: Double
    public var fitOptions: ForgettingFitOptions

    public init(trainingShare: Double = 0.8, fitOptions: ForgettingFitOptions = ForgettingFitOptions()) {
        self.trainingShare = trainingShare
        self.fitOptions = fitOptions
    }

    public enum Winner: String, Sendable {
        case model
        case baseline
    }

    public struct Report: Sendable {
        public var reviews: Int
        public var cards: Int
        public var trainingObservations: Int
        public var testObservations: Int
        /// Seconds since 1970 of the first held-out observation.
        public var splitAt: Double
        /// The baseline's constant prediction: the training share recalled.
        public var baselineProbability: Double
        public var fit: ForgettingFit
        public var model: ForgettingEvaluation.Scores
        public var baseline: ForgettingEvaluation.Scores
        /// Lower held-out log loss wins (ties go to the baseline: the model must earn its complexity).
        public var winner: Winner

        /// A few plain lines for a terminal or a document.
        public var summary: String {
            func line(_ name: String, _ scores: ForgettingEvaluation.Scores) -> String {
                String(format: "%@ log loss %.4f  Brier %.4f  AUC %.4f", name, scores.logLoss, scores.brier, scores.auc)
            }
            let point = self.fit.keyPoints.first
            var lines = [
                "recall log: \(self.reviews) reviews, \(self.cards) cards, \(self.trainingObservations) training / \(self.testObservations) held-out observations",
                String(format: "fit on training: a %.3f, h %.2f days, d %.2f (%@)", point?.initial ?? .nan, point?.halfLife ?? .nan, self.fit.shape,
                       self.fit.shapeFitted ? "fitted" : "fixed"),
            ]
            if let interval = point?.halfLifeInterval {
                lines.append(String(format: "h 95%% bootstrap interval over cards: %.2f to %.2f days (%d resamples)", interval.lower, interval.upper, self.fit.resamples))
            }
            lines.append("half-life: \(point?.verdict.explanation ?? "no data")")
            lines.append("rho: \(self.fit.rhoVerdict.explanation)")
            if self.fit.shapeFitted { lines.append("shape: \(self.fit.shapeVerdict.explanation)") }
            lines.append(line("model:   ", self.model))
            lines.append(line("baseline:", self.baseline) + String(format: "  (constant %.4f)", self.baselineProbability))
            lines.append("winner on held-out log loss: \(self.winner.rawValue)")
            return lines.joined(separator: "\n")
        }
    }

    public func run(_ reviews: [RecallLogReview]) -> Report {
        let timed = RecallLog.observations(from: reviews)
        let cut = Int((Double(timed.count) * self.trainingShare).rounded(.down))
        let training = timed[..<cut].map(\.observation)
        let test = timed[cut...].map(\.observation)
        let fit = ForgettingFitter(options: self.fitOptions).fit(training)
        let outcomes = test.map(\.correct)
        let constant = ForgettingEvaluation.constantBaseline(training.map(\.correct))
        let model = ForgettingEvaluation.scores(predictions: test.map { fit.probability(for: $0) }, outcomes: outcomes)
        let baseline = ForgettingEvaluation.scores(predictions: [Double](repeating: constant, count: test.count), outcomes: outcomes)
        return Report(
            reviews: reviews.count, cards: Set(reviews.map(\.cardID)).count,
            trainingObservations: training.count, testObservations: test.count,
            splitAt: cut < timed.count ? timed[cut].at : .nan, baselineProbability: constant, fit: fit,
            model: model, baseline: baseline, winner: model.logLoss < baseline.logLoss ? .model : .baseline
        )
    }
}
