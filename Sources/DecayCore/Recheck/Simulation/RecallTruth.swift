import Foundation

/// The simulation's truth model: how simulated reps learn, forget, answer and re-learn. Fixed constants, chosen from
/// the memory literature before any policy was run and never tuned to a result (docs/demo-model.md).
public enum RecallTruth {
    /// Power-law tail of forgetting (`SimulatedMemory`); 0.5 is a longer tail than the product's default `d = 1`.
    public static let shape = 0.5
    /// Median and log-normal spread of a rep's stability (days until knowing halves after first learning).
    public static let medianStability = 25.0
    public static let stabilitySpread = 0.6
    /// Spread (log-normal) of a key point's difficulty, a factor on every rep's stability for it.
    public static let difficultySpread = 0.3
    /// Median and spread (on the logit scale) of a rep's initial learning of a key point at delivery.
    public static let medianLearning = 0.85
    public static let learningSpread = 0.6
    /// Share of what is learned kept per relay hop, and the chance of being reached over 0, 1 and 2 hops.
    public static let retentionPerHop = 0.8
    public static let hopShares = [0.4, 0.4, 0.2]
    /// A rep's chance to answer a question batch at all: uniform between these.
    public static let responseRates = 0.55...0.9
    /// Chance that a rep who answers does so 0, 1 or 2 working days after the questions arrive.
    public static let answerDelays = [0.6, 0.3, 0.1]
    /// Chance that a silent rep answers on the day of the first and of the second reminder.
    public static let nudgeResponses = [0.4, 0.3]
    /// Guessing floor of the four-option quiz questions.
    public static let guess = 0.25
    /// Knowing right after a successful recall, and the stability gained by it: `× (1 + recallGrowth · (1 - r))` at
    /// recall probability `r` (harder recalls strengthen more, the spacing effect; recalling what is fresh adds little).
    public static let recalledStrength = 0.97
    public static let recallGrowth = 2.5
    /// Stability gained when feedback re-teaches a point the rep did not know (they then re-learn it with their own
    /// initial learning, without relay loss).
    public static let feedbackGrowth = 1.2

    /// One simulated rep's hidden traits.
    public struct Rep: Sendable, Equatable {
        /// Stability factor (days) of this rep's memory.
        public var stability: Double
        /// Share of a key point learned from one reading.
        public var learning: Double
        /// Relay hops between the vendor and this rep.
        public var hops: Int
        public var responseRate: Double
    }

    /// Draws a rep's traits.
    public static func rep(using random: inout SeededRandom) -> Rep {
        let stability = self.medianStability * exp(self.stabilitySpread * self.normal(using: &random))
        let learning = 1 / (1 + exp(-(log(self.medianLearning / (1 - self.medianLearning)) + self.learningSpread * self.normal(using: &random))))
        let draw = random.unit()
        let hops = draw < self.hopShares[0] ? 0 : draw < self.hopShares[0] + self.hopShares[1] ? 1 : 2
        let responseRate = random.uniform(self.responseRates.lowerBound, self.responseRates.upperBound)
        return Rep(stability: stability, learning: learning, hops: hops, responseRate: responseRate)
    }

    /// A key point's difficulty factor on stability.
    public static func difficulty(using random: inout SeededRandom) -> Double {
        exp(self.difficultySpread * self.normal(using: &random))
    }

    /// The memory a delivery leaves on `day`: the rep's learning less relay loss, their stability times the difficulty.
    public static func delivered(to rep: Rep, difficulty: Double, on day: Double) -> SimulatedMemory {
        SimulatedMemory(strength: rep.learning * pow(self.retentionPerHop, Double(rep.hops)), stability: rep.stability * difficulty, since: day)
    }

    /// The rep answers a quiz question on the point on `day` and is then told the right answer: whether the answer
    /// was right, and the memory after it. A rep who knew it recalls it (stability grows); one who did not guesses
    /// (right with the guessing floor) and re-learns from the feedback.
    public static func answer(_ memory: SimulatedMemory, rep: Rep, on day: Double, using random: inout SeededRandom) -> (correct: Bool, memory: SimulatedMemory) {
        let knowing = memory.knowing(on: day)
        if random.chance(knowing) {
            let stability = memory.stability * (1 + self.recallGrowth * (1 - knowing))
            return (true, SimulatedMemory(strength: max(memory.strength, self.recalledStrength), stability: stability, since: day))
        }
        let lucky = random.chance(self.guess)
        return (lucky, SimulatedMemory(strength: rep.learning, stability: memory.stability * self.feedbackGrowth, since: day))
    }

    /// Working days between questions arriving and a responsive rep answering them.
    static func answerDelay(using random: inout SeededRandom) -> Int {
        var draw = random.unit()
        for (days, share) in self.answerDelays.enumerated() {
            if draw < share { return days }
            draw -= share
        }
        return self.answerDelays.count - 1
    }

    /// A standard normal draw (Box–Muller).
    static func normal(using random: inout SeededRandom) -> Double {
        let u = max(random.unit(), 1e-300)
        return sqrt(-2 * log(u)) * cos(2 * .pi * random.unit())
    }
}
