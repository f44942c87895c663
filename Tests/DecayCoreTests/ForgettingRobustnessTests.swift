import Foundation
import Testing

@testable import DecayCore

/// Issue #12, part 1: the fit must not let a weakly constrained `rho` run to a bound and quote it, must fit the
/// shape `d` when the delays allow, and must refuse in words what it cannot support.
@Suite("Forgetting fit robustness")
struct ForgettingRobustnessTests {
    /// Low initial learning behind four-option guessing: the regime where `rho` collapsed to 0 or 1 with a
    /// zero-width interval and was still reported.
    static func lowLearning(initial: Double, hopShares: [Double], seed: UInt64, people: Int = 100) -> [RecallObservation] {
        var random = SeededRandom(seed: seed)
        let data = SyntheticRecall(people: people, keyPoints: 3, guess: 0.25, hopShares: hopShares)
        let curve = ForgettingCurve(initial: initial, halfLife: 14, rho: 0.7)
        return data.observations(truth: Dictionary(uniqueKeysWithValues: data.keyPointIDs.map { ($0, curve) }), &random)
    }

    static let hopMixes: [[Double]] = [[0.5, 0.5], [0.4, 0.4, 0.2], [0.25, 0.25, 0.25, 0.25]]

    @Test(arguments: [0.35, 0.5])
    func retentionAtABoundOrOutsideItsIntervalIsNeverReported(initial: Double) throws {
        var refusedAtBound = 0
        for hopShares in Self.hopMixes {
            for seed: UInt64 in 1...3 {
                let options = ForgettingFitOptions(bootstrap: ForgettingBootstrap(resamples: 20, seed: seed))
                let fit = ForgettingFitter(options: options).fit(Self.lowLearning(initial: initial, hopShares: hopShares, seed: seed))
                let rho = try #require(fit.rho)
                let label = "a \(initial), \(hopShares.count) hop counts, seed \(seed): rho \(rho) \(String(describing: fit.rhoInterval))"
                if fit.rhoVerdict.isReported {
                    let interval = try #require(fit.rhoInterval)
                    #expect(rho > 0.01 && rho < 0.99, "\(label) reported at a bound")
                    #expect(interval.contains(rho), "\(label) reported outside its interval")
                    #expect(interval.upper > interval.lower, "\(label) reported with a zero-width interval")
                } else if fit.rhoVerdict.refusals.contains(where: { if case .retentionAtBoundary = $0 { true } else { false } }) {
                    refusedAtBound += 1
                    #expect(fit.rhoVerdict.explanation.contains("runs to the limit"), "\(fit.rhoVerdict.explanation)")
                }
            }
        }
        #expect(refusedAtBound > 0, "this regime sends rho to a bound in some runs; those must be refused in words")
    }

    @Test func theOptimumIsNoWorseThanAnyPointOfTheProfileOverRho() throws {
        for hopShares in Self.hopMixes {
            for seed: UInt64 in 1...3 {
                let data = PreparedObservations(Self.lowLearning(initial: 0.35, hopShares: hopShares, seed: seed, people: 40), binDays: 7)
                let objective = ForgettingObjective(
                    rows: data.rows, keyPointCount: data.keyPointIDs.count, personCount: data.personCount, fitsRho: true, fitsShape: false,
                    fixedShape: 1, halfLifeRange: 0.1...3650, shapeRange: 0.1...10, halfLifePooling: 0.5, initialPooling: 1
                )
                let outcome = try #require(ForgettingSearch().minimize(objective, halfLifeRange: 0.1...3650, shape: 1))
                #expect(outcome.profile.count == ForgettingSearch.profileRetentions.count)
                for point in outcome.profile {
                    #expect(outcome.best.value <= point.value + 1e-6, "seed \(seed): rho held at \(point.rho) gives \(point.value) < \(outcome.best.value)")
                }
            }
        }
    }

    @Test func boundedStepsMoveNoCoordinateFurtherThanTheLimit() {
        let optimizer = DampedNewton(maxStep: 2)
        #expect(optimizer.bounded([8, -4, 1]) == [2, -1, 0.25])
        #expect(optimizer.bounded([1, -2]) == [1, -2])
    }

    @Test func bootstrapRefitsStartInsideTheRange() {
        #expect(ForgettingSearch.interior([30, -40, 0.5]) == [6, -6, 0.5])
    }

    @Test func anEstimateOutsideItsOwnIntervalIsRefusedInWords() throws {
        let refusals = ForgettingFitter.outside("retention per hop", 0.95, BootstrapInterval(lower: 0.5, upper: 0.9))
        let refusal = try #require(refusals.first)
        #expect(refusal.reason.contains("outside its own 95% interval"))
        #expect(ForgettingFitter.outside("retention per hop", 0.7, BootstrapInterval(lower: 0.5, upper: 0.9)).isEmpty)
        #expect(ForgettingFitter.outside("retention per hop", 0.7, nil).isEmpty)
    }

    @Test func initialLearningAtOneIsRefused() {
        let fitter = ForgettingFitter()
        #expect(fitter.initialRefusals(0.999, interval: nil) == [.initialAtBoundary(initial: 0.999, bound: 1)])
        #expect(fitter.initialRefusals(0.8, interval: BootstrapInterval(lower: 0.7, upper: 0.9)).isEmpty)
        #expect(fitter.retentionRefusals(0.001, interval: nil) == [.retentionAtBoundary(rho: 0.001, bound: 0)])
    }

    // MARK: shape

    @Test func aFlatterCurveIsFittedSoShortHalfLivesAreNotTooLong() throws {
        let truth = ["only": ForgettingCurve(initial: 0.9, halfLife: 7, rho: 0.8, shape: 0.5)]
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil))
            .fit(ForgettingFitTests.expectedObservations(truth: truth, guess: 0.25, weight: 2000))
        #expect(fit.shapeFitted && fit.shapeAssumption == nil)
        #expect(abs(fit.shape - 0.5) < 0.02, "d \(fit.shape)")
        #expect(abs(fit.keyPoints[0].halfLife / 7 - 1) < 0.03, "h \(fit.keyPoints[0].halfLife)")
    }

    @Test func fewDistinctDelaysMeanTheShapeIsAssumedAndSaid() throws {
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(ForgettingFitTests.synthetic(people: 100, maxDays: 40))
        #expect(!fit.shapeFitted && fit.shape == 1)
        let assumption = try #require(fit.shapeAssumption)
        #expect(assumption == "shape assumed d = 1: answers fall in only 6 distinct 7-day delay bins; at least 8 are needed to fit it")
        let off = ForgettingFitter(options: ForgettingFitOptions(fitsShape: false, bootstrap: nil)).fit(ForgettingFitTests.synthetic(people: 100))
        #expect(off.shapeAssumption == "shape assumed d = 1: fitting it is switched off")
    }

    // MARK: message level

    @Test func theMessageHalfLifeHasAnIntervalAndAVerdict() throws {
        let options = ForgettingFitOptions(bootstrap: ForgettingBootstrap(resamples: 20, seed: 4))
        let fit = ForgettingFitter(options: options).fit(ForgettingFitTests.synthetic(people: 200))
        let interval = try #require(fit.messageHalfLifeInterval)
        #expect(interval.contains(fit.messageHalfLife))
        #expect(fit.messageHalfLifeVerdict == .reported, "\(fit.messageHalfLifeVerdict.explanation)")
        let few = ForgettingFitter(options: options).fit(ForgettingFitTests.synthetic(people: 12))
        #expect(few.messageHalfLifeVerdict.refusals.contains(.tooFewPeople(found: 12, required: 20)))
    }

    // MARK: recovery grid

    /// The whole grid of the issue at a size a debug build runs in about a minute: one message per cell, 100 people,
    /// 20 resamples. At this size the intervals cover the truth less often than 95% (see docs/forgetting-model.md
    /// for the coverage at 300 people and 200 resamples); what must hold at every size is that no figure at a bound or
    /// outside its interval is reported.
    @Test func recoveryGridNeverReportsAFigureAtABoundOrOutsideItsInterval() {
        let grid = RecoveryGrid(
            trialsPerCell: 1, seed: 12, data: SyntheticRecall(people: 100),
            fitOptions: ForgettingFitOptions(bootstrap: ForgettingBootstrap(resamples: 20, seed: 1))
        )
        let report = grid.run()
        print(report.table)
        #expect(report.fits == 144)
        #expect(report.overall.halfLife.total == 432 && report.overall.initial.total == 432 && report.overall.rho.total == 144)
        #expect(report.badlyReported.isEmpty, "\(report.badlyReported.prefix(5))")
    }

    /// The coverage target of the issue, at the size docs/forgetting-model.md reports: too slow for a debug build
    /// (about 10 minutes), so it runs when `DECAY_RECOVERY_GRID=full` is set (best with `swift test -c release`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DECAY_RECOVERY_GRID"] == "full"))
    func recoveryGridCoversTheTruthNinetyPercentOfTheTime() {
        let grid = RecoveryGrid(
            trialsPerCell: 1, seed: 2026, data: SyntheticRecall(people: 300),
            fitOptions: ForgettingFitOptions(bootstrap: ForgettingBootstrap(resamples: 200, seed: 1))
        )
        let report = grid.run()
        print(report.table)
        #expect(report.overall.halfLife.rate >= 0.9 && report.overall.initial.rate >= 0.9 && report.overall.rho.rate >= 0.9, "\(report.table)")
        #expect(report.badlyReported.isEmpty, "\(report.badlyReported.prefix(5))")
    }
}
