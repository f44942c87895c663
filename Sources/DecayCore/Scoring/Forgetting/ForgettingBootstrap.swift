import Foundation

/// Bootstrap over people: resample people with replacement, refit (warm-started from the full fit), and take
/// the 2.5th and 97.5th percentiles. Seeded SplitMix64, single stream, so the same seed gives the same intervals.
public struct ForgettingBootstrap: Sendable {
    public var resamples: Int
    public var seed: UInt64

    public init(resamples: Int = 200, seed: UInt64 = 1) {
        self.resamples = resamples
        self.seed = seed
    }

    /// Refits `objective` on each resample of its people (``FisherScoring`` from `start`, `optimizer` as its fallback);
    /// returns the decoded parameters and how many refits hit the iteration limit. A resample is expressed as
    /// per-person counts that re-weight the objective's cells.
    /// Resample `r` takes draws `r·n ..< (r+1)·n` of the seeded stream, so the refits run on every core and the
    /// result is the same as drawing them one after another. Call it off Swift's cooperative pool (``OffPool``).
    func replicates(
        of objective: ForgettingObjective, from start: [Double], optimizer: DampedNewton
    ) -> (parameters: [ForgettingObjective.Parameters], unconverged: Int) {
        let people = objective.personCount
        guard people > 0, self.resamples > 0 else { return ([], 0) }
        let seed = self.seed
        let finished = ParallelSlots.map(self.resamples) { replicate in
            var random = SeededRandom(seed: seed, skipping: replicate * people)
            var counts = [Double](repeating: 0, count: people)
            for _ in 0..<people {
                counts[random.int(in: 0...(people - 1))] += 1
            }
            let resample = objective.reweighted(by: counts)
            return FisherScoring(fallback: optimizer).refit(resample, from: start)
        }
        return (finished.map { objective.decode($0.point) }, finished.filter { !$0.converged }.count)
    }

    /// The 2.5th–97.5th percentile interval (linear interpolation between order statistics); nil when empty.
    static func interval(_ values: [Double]) -> BootstrapInterval? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        return BootstrapInterval(lower: self.percentile(sorted, 0.025), upper: self.percentile(sorted, 0.975))
    }

    static func percentile(_ sorted: [Double], _ share: Double) -> Double {
        let position = share * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}
