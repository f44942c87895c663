import Foundation
import Testing

@testable import DecayCore

/// The forgetting fit: optimiser, recovery of known parameters, bootstrap, refusals, metrics and the real recall log.
@Suite("Forgetting fit")
struct ForgettingFitTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let recallLogPath = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/recall-log/review_log.csv").path

    // MARK: optimiser

    @Test func dampedNewtonFindsTheRosenbrockMinimumWithAnalyticDerivatives() {
        let value: ([Double]) -> Double = { x in 100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2) }
        let evaluate: ([Double]) -> DampedNewton.Evaluation = { x in
            let gradient = [-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])]
            let hessian = [1200 * x[0] * x[0] - 400 * x[1] + 2, -400 * x[0], -400 * x[0], 200]
            return DampedNewton.Evaluation(value: value(x), gradient: gradient, hessian: hessian)
        }
        let result = DampedNewton().minimize(from: [-1.2, 1], evaluate: evaluate, value: value)
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1] - 1) < 1e-6)
        #expect(result.value < 1e-12)
    }

    @Test func dampedNewtonFindsTheExtendedRosenbrockMinimumWithNumericDerivatives() {
        let rosenbrock: ([Double]) -> Double = { x in
            var sum = 0.0
            for i in 0..<(x.count - 1) {
                let valley = x[i + 1] - x[i] * x[i]
                let offset = 1 - x[i]
                sum += 100 * valley * valley + offset * offset
            }
            return sum
        }
        let result = DampedNewton().minimize(from: [-1.2, 1, -1.2, 1], function: rosenbrock)
        #expect(result.converged)
        #expect(result.point.allSatisfy { abs($0 - 1) < 1e-4 }, "\(result.point)")
    }

    @Test func dampedNewtonMinimisesAShiftedQuadratic() {
        let result = DampedNewton().minimize(from: [0, 0, 0]) { x in
            pow(x[0] - 3, 2) + 2 * pow(x[1] + 1, 2) + 0.5 * pow(x[2] - x[0], 2)
        }
        #expect(abs(result.point[0] - 3) < 1e-5 && abs(result.point[1] + 1) < 1e-5 && abs(result.point[2] - 3) < 1e-5)
    }

    // MARK: recovery

    /// Expected (noise-free) data: every grid cell appears as a correct row weighted p·n and a wrong row weighted (1-p)·n.
    static func expectedObservations(truth: [String: ForgettingCurve], guess: Double, weight: Double) -> [RecallObservation] {
        var observations: [RecallObservation] = []
        var person = 0
        for (id, curve) in truth.sorted(by: { $0.key < $1.key }) {
            for hops in 0...2 {
                for step in 0..<40 {
                    let days = 0.5 + Double(step) * 2
                    let probability = curve.recall(days: days, hops: hops, guess: guess)
                    person += 1
                    for correct in [true, false] {
                        observations.append(
                            RecallObservation(
                                personID: "p-\(person)", keyPointID: id, days: days, hops: hops, guess: guess, correct: correct,
                                weight: weight * (correct ? probability : 1 - probability)
                            )
                        )
                    }
                }
            }
        }
        return observations
    }

    @Test func noiseFreeDataRecoversTheParameters() throws {
        let truth = [
            "price": ForgettingCurve(initial: 0.9, halfLife: 25, rho: 0.8),
            "market": ForgettingCurve(initial: 0.95, halfLife: 45, rho: 0.8),
            "usp": ForgettingCurve(initial: 0.87, halfLife: 18, rho: 0.8),
        ]
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(Self.expectedObservations(truth: truth, guess: 0.25, weight: 1000))
        #expect(fit.converged)
        let rho = try #require(fit.rho)
        #expect(abs(rho - 0.8) < 0.002)
        for point in fit.keyPoints {
            let curve = try #require(truth[point.id])
            #expect(abs(point.halfLife / curve.halfLife - 1) < 0.01, "\(point.id): h \(point.halfLife)")
            #expect(abs(point.initial - curve.initial) < 0.003, "\(point.id): a \(point.initial)")
            #expect(point.verdict == .reported, "\(point.verdict.explanation)")
            let at30 = try #require(point.projections.first { $0.days == 30 && $0.hops == 0 })
            #expect(abs(at30.recall - ForgettingCurve(initial: curve.initial, halfLife: curve.halfLife, rho: 1).recall(days: 30, hops: 0)) < 0.005)
            #expect(point.projections.contains { $0.days == 90 && abs($0.hops - fit.meanHops) < 1e-12 })
        }
        #expect(fit.people == 360 && fit.delayBins == 12 && abs(fit.meanHops - 1) < 1e-9)
    }

    @Test func noiseFreeDataRecoversAFittedShape() {
        let truth = ["only": ForgettingCurve(initial: 0.92, halfLife: 30, rho: 0.75, shape: 1.6)]
        let options = ForgettingFitOptions(fitsShape: true, bootstrap: nil)
        let fit = ForgettingFitter(options: options).fit(Self.expectedObservations(truth: truth, guess: 0, weight: 5000))
        #expect(abs(fit.shape - 1.6) < 0.02, "d \(fit.shape)")
        #expect(abs(fit.keyPoints[0].halfLife - 30) < 0.3, "h \(fit.keyPoints[0].halfLife)")
        #expect(fit.shapeVerdict == .reported)
    }

    @Test func parameterRecoveryRunsAFewTrials() {
        let recovery = ParameterRecovery(
            trials: 3, seed: 11, data: SyntheticRecall(people: 150, keyPoints: 2),
            fitOptions: ForgettingFitOptions(bootstrap: ForgettingBootstrap(resamples: 15, seed: 3))
        )
        let report = recovery.run()
        print(report.summary)
        #expect(report.halfLife.total == 6 && report.initial.total == 6 && report.rho.total == 3)
        #expect(report.halfLife.hits >= 3)
        #expect(abs(report.meanHalfLifeLogError) < 0.5)
    }

    // MARK: bootstrap

    @Test func bootstrapIsReproducibleWithTheSameSeed() throws {
        var random = SeededRandom(seed: 5)
        let data = SyntheticRecall(people: 120, keyPoints: 2)
        let observations = data.observations(truth: data.truth(&random), &random)
        func fit(seed: UInt64) -> ForgettingFit {
            ForgettingFitter(options: ForgettingFitOptions(bootstrap: ForgettingBootstrap(resamples: 12, seed: seed))).fit(observations)
        }
        let first = fit(seed: 7)
        let second = fit(seed: 7)
        let other = fit(seed: 8)
        let interval = try #require(first.keyPoints[0].halfLifeInterval)
        #expect(first.resamples == 12)
        #expect(interval.lower < first.keyPoints[0].halfLife && first.keyPoints[0].halfLife < interval.upper)
        #expect(first.keyPoints.map(\.halfLifeInterval) == second.keyPoints.map(\.halfLifeInterval))
        #expect(first.rhoInterval == second.rhoInterval)
        #expect(first.keyPoints.map(\.halfLifeInterval) != other.keyPoints.map(\.halfLifeInterval))
    }

    @Test func percentilesInterpolateBetweenOrderStatistics() throws {
        let interval = try #require(ForgettingBootstrap.interval((0...100).map(Double.init).reversed()))
        #expect(abs(interval.lower - 2.5) < 1e-12 && abs(interval.upper - 97.5) < 1e-12)
        #expect(ForgettingBootstrap.interval([]) == nil)
    }

    // MARK: refusals

    static func synthetic(people: Int, maxDays: Double = 75, hopShares: [Double] = [0.4, 0.4, 0.2], seed: UInt64 = 21) -> [RecallObservation] {
        var random = SeededRandom(seed: seed)
        let data = SyntheticRecall(people: people, keyPoints: 1, maxDays: maxDays, hopShares: hopShares)
        return data.observations(truth: data.truth(&random), &random)
    }

    @Test func tooFewPeopleIsRefused() {
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(Self.synthetic(people: 12))
        #expect(fit.keyPoints[0].verdict.refusals.contains(.tooFewPeople(found: 12, required: 20)))
        #expect(fit.rhoVerdict.refusals.contains(.tooFewPeople(found: 12, required: 20)))
        #expect(fit.keyPoints[0].reportedHalfLife == nil)
        #expect(fit.keyPoints[0].verdict.explanation.contains("only 12 people answered"))
    }

    @Test func tooFewDelayBinsIsRefused() {
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(Self.synthetic(people: 100, maxDays: 20))
        #expect(fit.keyPoints[0].verdict.refusals.contains(.tooFewDelays(found: 3, required: 5, binDays: 7)))
    }

    @Test func rhoIsNotReportedWithoutHopVariation() {
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(Self.synthetic(people: 100, hopShares: [1]))
        #expect(fit.rho == nil && fit.rhoInterval == nil)
        #expect(fit.rhoVerdict == .refused([.noHopVariation(hops: 0)]))
        #expect(fit.keyPoints[0].projections.allSatisfy { $0.hops == 0 })
        #expect(fit.keyPoints[0].verdict == .reported, "\(fit.keyPoints[0].verdict.explanation)")
    }

    @Test func aHalfLifeAtTheSearchBoundaryIsRefused() throws {
        let observations = (0..<60).map { person in
            RecallObservation(personID: "p\(person)", keyPointID: "kp", days: Double(person), hops: person % 2, guess: 0.25, correct: true)
        }
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(observations)
        let refusal = try #require(fit.keyPoints[0].verdict.refusals.first)
        guard case .halfLifeAtBoundary(_, let bound) = refusal else {
            Issue.record("expected a boundary refusal, got \(refusal)")
            return
        }
        #expect(bound == 3650)
        #expect(refusal.reason.contains("search limit"))
    }

    @Test func aWideHalfLifeIntervalIsRefused() {
        let options = ForgettingFitOptions(maximumHalfLifeRatio: 1.2, bootstrap: ForgettingBootstrap(resamples: 10, seed: 2))
        let fit = ForgettingFitter(options: options).fit(Self.synthetic(people: 40))
        #expect(fit.keyPoints[0].verdict.refusals.contains { refusal in
            if case .halfLifeTooUncertain = refusal { return true }
            if case .halfLifeAtBoundary = refusal { return true }
            return false
        }, "\(fit.keyPoints[0].verdict.explanation)")
    }

    @Test func emptyDataRefusesEverything() {
        let fit = ForgettingFitter().fit([])
        #expect(fit.keyPoints.isEmpty && fit.rho == nil && !fit.converged && fit.people == 0)
    }

    // MARK: metrics

    @Test func metricsOnHandVectors() {
        let outcomes = [false, false, true, true]
        #expect(ForgettingEvaluation.auc(predictions: [0.1, 0.2, 0.8, 0.9], outcomes: outcomes) == 1)
        #expect(ForgettingEvaluation.auc(predictions: [0.9, 0.8, 0.2, 0.1], outcomes: outcomes) == 0)
        #expect(ForgettingEvaluation.auc(predictions: [0.5, 0.5, 0.5, 0.5], outcomes: outcomes) == 0.5)
        #expect(ForgettingEvaluation.auc(predictions: [0.1, 0.4, 0.4, 0.8], outcomes: [false, true, false, true]) == 0.875)
        #expect(ForgettingEvaluation.auc(predictions: [0.3, 0.4], outcomes: [true, true]).isNaN)
        #expect(abs(ForgettingEvaluation.logLoss(predictions: [0.5, 0.5, 0.5], outcomes: [true, false, true]) - log(2)) < 1e-12)
        #expect(abs(ForgettingEvaluation.brier(predictions: [0.5, 0.5], outcomes: [true, false]) - 0.25) < 1e-12)
        #expect(abs(ForgettingEvaluation.brier(predictions: [1, 0.2], outcomes: [true, false]) - 0.02) < 1e-12)
        #expect(ForgettingEvaluation.logLoss(predictions: [0, 1], outcomes: [true, false]).isFinite)
        #expect(ForgettingEvaluation.constantBaseline([true, true, false, true]) == 0.75)
    }

    @Test func aucOfRandomPredictionsIsAboutOneHalf() {
        var random = SeededRandom(seed: 99)
        let predictions = (0..<4000).map { _ in random.unit() }
        let outcomes = (0..<4000).map { _ in random.chance(0.6) }
        #expect(abs(ForgettingEvaluation.auc(predictions: predictions, outcomes: outcomes) - 0.5) < 0.03)
    }

    // MARK: recall log

    @Test func recallLogTimesParseBothForms() throws {
        #expect(RecallLog.parseTime("2024-03-29T20:32:32.250000+00:00") == 1_711_744_352.25)
        #expect(RecallLog.parseTime("1999-12-31T23:59:59-05:30") == 946_704_599)
        #expect(RecallLog.parseTime("1711744352250") == 1_711_744_352.25)
        #expect(RecallLog.parseTime("29/03/2024") == nil)
        #expect(throws: RecallLogError(line: 2, message: "review_rating must be 1 to 4, got \"7\"")) {
            try RecallLog.parse("card_id,review_rating,review_time,review_duration\nc1,7,1000,5")
        }
    }

    @Test func recallLogReviewsBecomeObservationsAfterEachCardsFirst() throws {
        let csv = """
            card_id,review_rating,review_time,review_duration
            a,3,2024-01-01T00:00:00+00:00,100
            b,1,2024-01-01T12:00:00+00:00,100
            a,1,2024-01-03T00:00:00+00:00,100
            b,3,2024-01-02T00:00:00+00:00,100
            a,3,2024-01-03T06:00:00+00:00,100
            """
        let observations = RecallLog.observations(from: try RecallLog.parse(csv))
        #expect(observations.map(\.observation.personID) == ["b", "a", "a"])
        #expect(observations.map(\.observation.days) == [0.5, 2, 0.25])
        #expect(observations.map(\.observation.correct) == [true, false, true])
        #expect(observations.allSatisfy { $0.observation.hops == 0 && $0.observation.guess == 0 })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ForgettingFitTests.recallLogPath)))
    func recallLogEvaluationSmoke() throws {
        let reviews = try RecallLog.load(path: Self.recallLogPath)
        let evaluation = RecallLogEvaluation(fitOptions: ForgettingFitOptions(bootstrap: ForgettingBootstrap(resamples: 3, seed: 1)))
        let report = evaluation.run(reviews)
        print(report.summary)
        #expect(report.trainingObservations > 0 && report.testObservations > 0)
        #expect(report.model.logLoss.isFinite && report.baseline.logLoss.isFinite)
        #expect(report.model.brier.isFinite && report.baseline.brier.isFinite)
        #expect(report.fit.rho == nil)
    }
}
