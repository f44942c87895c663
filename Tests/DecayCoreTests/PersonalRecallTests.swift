import Foundation
import Testing

@testable import DecayCore

@Suite("Personal recall model")
struct PersonalRecallTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/recall-log/review_log.csv").path

    @Test func answersAndExposuresUpdateTheState() {
        var state = RecallState()
        #expect(state.daysSinceExposure(at: 1_000) == 0)
        state.exposed(at: 0)
        state.answered(correct: false, at: 86_400)
        state.answered(correct: true, at: 3 * 86_400)
        #expect(state == {
            var expected = RecallState()
            expected.answers = 2
            expected.correct = 1
            expected.lastCorrect = true
            expected.exposures = 3
            expected.lastExposure = 3 * 86_400
            return expected
        }())
        #expect(state.daysSinceExposure(at: 10 * 86_400) == 7)
    }

    @Test func aPersonWhoKeepsGettingItRightIsPredictedHigherThanOneWhoKeepsMissing() {
        let model = PersonalRecallModel(weights: [0, 1, 1, 0.5, -0.3, 0, 0.1], priorRight: 1, priorWrong: 1)
        var strong = RecallState()
        var weak = RecallState()
        for day in 0..<4 {
            strong.answered(correct: true, at: Double(day) * 86_400)
            weak.answered(correct: false, at: Double(day) * 86_400)
        }
        let at = 10.0 * 86_400
        #expect(model.probability(strong, at: at, prior: 0.6) > model.probability(weak, at: at, prior: 0.6))
        #expect(model.probability(weak, at: at, prior: 0.6, guess: 0.25) >= 0.25, "never below the guessing floor")
    }

    /// Answers drawn from a known model are fitted back to weights near the truth (within 0.25 each on 20,000 answers).
    @Test func theFitterRecoversKnownWeights() {
        let truth = PersonalRecallModel(weights: [0.3, 0.8, 1.2, 0.6, -0.4, 0.2, 0.3], priorRight: 2, priorWrong: 1)
        var random = SeededRandom(seed: 13)
        var examples: [PersonalRecallFitter.Example] = []
        for person in 0..<2_000 {
            var state = RecallState()
            var now = Double(person % 7) * 86_400
            state.exposed(at: now)
            for _ in 0..<10 {
                now += (0.5 + 30 * random.unit()) * 86_400
                let prior = 0.3 + 0.6 * random.unit()
                let guess = random.unit() < 0.5 ? 0.25 : 0
                let correct = random.unit() < truth.probability(state, at: now, prior: prior, guess: guess)
                examples.append(PersonalRecallFitter.Example(state: state, at: now, prior: prior, guess: guess, correct: correct))
                state.answered(correct: correct, at: now)
            }
        }
        let fitted = PersonalRecallFitter(pseudoCounts: [(2, 1)]).fit(examples).model
        for (name, (estimate, actual)) in zip(PersonalRecallModel.featureNames, zip(fitted.weights, truth.weights)) {
            #expect(abs(estimate - actual) < 0.25, "\(name): \(estimate) vs \(actual)")
        }
        #expect(PersonalRecallFitter.logLoss(fitted, examples) <= PersonalRecallFitter.logLoss(truth, examples) + 1e-9)
    }

    /// The target on the real recall log, fitted on the first 80% only: log loss at least 6% below the
    /// constant baseline and AUC at least 0.65. Fails, with the numbers, when the model falls short.
    @Test func onTheRealRecallLogTheHeldOutTargetIsMet() throws {
        let reviews = try RecallLog.load(path: Self.fixture)
        #expect(reviews.count == 12_580)
        let report = PersonalRecallEvaluation().run(reviews)
        print(report.summary)
        #expect(report.trainingExamples == 9_100)
        #expect(report.testExamples == 2_275)
        #expect(report.logLossGain >= PersonalRecallEvaluation.logLossTarget, "\(report.summary)")
        #expect(report.personal.auc >= PersonalRecallEvaluation.aucTarget, "\(report.summary)")
        #expect(report.personal.logLoss < report.population.logLoss)
        #expect(report.calibration.reduce(0) { $0 + $1.count } == report.testExamples)
        #expect(report.summary.contains("target met"))
    }
}
