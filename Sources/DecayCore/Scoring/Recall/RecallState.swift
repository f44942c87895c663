/// One person's history with one key point, as the personal recall model reads it: answers given and right, the
/// last answer, exposures (delivery, relay, re-check, answer) and when the latest was. Each event updates it.
public struct RecallState: Sendable, Equatable, Codable {
    public var answers = 0
    public var correct = 0
    /// Nil before the first answer.
    public var lastCorrect: Bool?
    public var exposures = 0
    /// Seconds since 1970 of the latest exposure; nil before the first.
    public var lastExposure: Double?

    public init() {}

    /// A delivery, relay or re-check reached the person at `at` (seconds since 1970).
    public mutating func exposed(at: Double) {
        self.exposures += 1
        self.lastExposure = max(self.lastExposure ?? at, at)
    }

    /// The person answered a question on the key point at `at`: an answer is an exposure too.
    public mutating func answered(correct: Bool, at: Double) {
        self.answers += 1
        if correct { self.correct += 1 }
        self.lastCorrect = correct
        self.exposed(at: at)
    }

    /// Days from the latest exposure to `at`; 0 before any exposure.
    public func daysSinceExposure(at: Double) -> Double {
        guard let last = self.lastExposure else { return 0 }
        return max(0, at - last) / 86_400
    }
}
