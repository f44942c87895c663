import Foundation

/// Synthetic quiz answers with known truth, drawn like the demo (docs/demo-model.md): per key point
/// `h ~ U(18, 60)`, `a ~ U(0.85, 0.97)`, per message `rho ~ U(0.70, 0.88)`, `d = 1`, `t ~ U(0.2, maxDays)`.
public struct SyntheticRecall: Sendable {
    public var people: Int
    public var keyPoints: Int
    /// Guessing floor of every question (0.25 = four options).
    public var guess: Double
    public var maxDays: Double
    /// Share of people reached over 0, 1, 2, ... hops.
    public var hopShares: [Double]

    public init(people: Int = 300, keyPoints: Int = 3, guess: Double = 0.25, maxDays: Double = 75, hopShares: [Double] = [0.4, 0.4, 0.2]) {
        self.people = people
        self.keyPoints = keyPoints
        self.guess = guess
        self.maxDays = maxDays
        self.hopShares = hopShares
    }

    /// The key point ids used: `kp-1`, `kp-2`, ...
    public var keyPointIDs: [String] { (1...max(self.keyPoints, 1)).map { "kp-\($0)" } }

    /// Draws the truth of one message: one curve per key point sharing `rho`.
    public func truth(_ random: inout SeededRandom) -> [String: ForgettingCurve] {
        let rho = random.uniform(0.7, 0.88)
        var curves: [String: ForgettingCurve] = [:]
        for id in self.keyPointIDs {
            curves[id] = ForgettingCurve(initial: random.uniform(0.85, 0.97), halfLife: random.uniform(18, 60), rho: rho, shape: 1)
        }
        return curves
    }

    /// Every person answers one question per key point at a random delay; correct with the curve's probability.
    public func observations(truth: [String: ForgettingCurve], _ random: inout SeededRandom) -> [RecallObservation] {
        var observations: [RecallObservation] = []
        let total = self.hopShares.reduce(0, +)
        for person in 0..<self.people {
            var draw = random.unit() * total
            var hops = 0
            while hops < self.hopShares.count - 1 && draw >= self.hopShares[hops] {
                draw -= self.hopShares[hops]
                hops += 1
            }
            for id in self.keyPointIDs {
                guard let curve = truth[id] else { continue }
                let days = random.uniform(0.2, self.maxDays)
                let correct = random.chance(curve.recall(days: days, hops: hops, guess: self.guess))
                observations.append(
                    RecallObservation(personID: "person-\(person)", keyPointID: id, days: days, hops: hops, guess: self.guess, correct: correct)
                )
            }
        }
        return observations
    }
}
