import Foundation

/// One graded recall attempt: a person answering a question on one key point `days` after the delivery.
/// The unit the forgetting fit is made of; people are what the bootstrap resamples.
public struct RecallObservation: Sendable, Equatable, Codable {
    public var personID: String
    public var keyPointID: String
    /// Days between the delivery (or, in the recall log, the previous review) and the answer.
    public var days: Double
    /// Relays between the vendor and this person (0 = direct).
    public var hops: Int
    /// Guessing floor of the question: 1/options for single choice, 0 for free text.
    public var guess: Double
    public var correct: Bool
    /// How many identical attempts this row stands for; 1 for raw data, fractional for expected (noise-free) data.
    public var weight: Double

    public init(personID: String, keyPointID: String, days: Double, hops: Int, guess: Double, correct: Bool, weight: Double = 1) {
        self.personID = personID
        self.keyPointID = keyPointID
        self.days = days
        self.hops = hops
        self.guess = guess
        self.correct = correct
        self.weight = weight
    }
}
