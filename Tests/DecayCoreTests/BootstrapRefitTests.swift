import Foundation
import Testing

@testable import DecayCore

/// The pieces that make bootstrap refits fast must not change what they compute.
@Suite("Bootstrap refits")
struct BootstrapRefitTests {
    @Test func skippingDrawsContinuesTheSameStream() {
        var sequential = SeededRandom(seed: 42)
        for _ in 0..<1000 { _ = sequential.next() }
        var skipped = SeededRandom(seed: 42, skipping: 1000)
        #expect((0..<10).map { _ in sequential.next() } == (0..<10).map { _ in skipped.next() })
    }

    @Test func fisherScoringReachesTheDampedSearchOptimumOfAResample() {
        var draw = SeededRandom(seed: 5)
        let data = SyntheticRecall()
        let observations = data.observations(truth: data.truth(&draw), &draw)
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil))
        let prepared = PreparedObservations(observations, binDays: 7)
        let objective = ForgettingObjective(
            rows: prepared.rows, keyPointCount: prepared.keyPointIDs.count, personCount: prepared.personCount, fitsRho: prepared.hops.count >= 2,
            fitsShape: false, fixedShape: 1, halfLifeRange: 0.1...3650, shapeRange: 0.1...10, halfLifePooling: 0.5, initialPooling: 1)
        let estimate = fit.fit(observations)
        let start = objective.encode(ForgettingObjective.Parameters(
            initial: prepared.keyPointIDs.map { id in estimate.keyPoints.first { $0.id == id }!.initial },
            halfLife: prepared.keyPointIDs.map { id in estimate.keyPoints.first { $0.id == id }!.halfLife },
            rho: estimate.rho ?? 1, shape: 1))
        var random = SeededRandom(seed: 9)
        var counts = [Double](repeating: 0, count: prepared.personCount)
        for _ in 0..<prepared.personCount { counts[random.int(in: 0...(prepared.personCount - 1))] += 1 }
        let resample = objective.reweighted(by: counts)
        let damped = DampedNewton(maxIterations: 100)
        let scored = FisherScoring(fallback: damped).refit(resample, from: start)
        let searched = damped.minimize(from: start, evaluate: { resample.evaluate($0) }, value: { resample.value($0) })
        #expect(scored.converged && searched.converged)
        for (a, b) in zip(scored.point, searched.point) {
            #expect(abs(a - b) < 1e-5, "\(scored.point) vs \(searched.point)")
        }
    }
}
