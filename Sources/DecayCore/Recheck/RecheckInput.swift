import Foundation

/// What the re-check planner reads: every graded quiz answer and every delivery of the messages it plans for, and
/// the reps who could be asked.
public struct RecheckInput: Sendable {
    public struct Answer: Sendable, Equatable {
        public var person: String
        public var message: String
        public var keyPoint: String
        public var question: String
        public var correct: Bool
        public var at: Date

        public init(person: String, message: String, keyPoint: String, question: String, correct: Bool, at: Date) {
            self.person = person
            self.message = message
            self.keyPoint = keyPoint
            self.question = question
            self.correct = correct
            self.at = at
        }
    }

    /// A message reaching a person (a broadcast, a relay): an exposure of every key point of the message.
    public struct Delivery: Sendable, Equatable {
        public var person: String
        public var message: String
        public var at: Date
        public var hops: Int

        public init(person: String, message: String, at: Date, hops: Int) {
            self.person = person
            self.message = message
            self.at = at
            self.hops = hops
        }
    }

    public struct Rep: Sendable, Equatable {
        public var id: String
        public var name: String
        public var partner: String?
        public var timezone: String

        public init(id: String, name: String, partner: String?, timezone: String) {
            self.id = id
            self.name = name
            self.partner = partner
            self.timezone = timezone
        }
    }

    /// A rep whose latest word on a key point still carries an older version of the message.
    public struct StaleClaim: Sendable, Equatable {
        public var keyPoint: String
        public var version: Int

        public init(keyPoint: String, version: Int) {
            self.keyPoint = keyPoint
            self.version = version
        }
    }

    public var answers: [Answer]
    public var deliveries: [Delivery]
    public var reps: [Rep]
    /// Message id, then person id, to the first key point (in message order) they still hold an older version of:
    /// such a rep is due at once, on that key point first.
    public var staleClaims: [String: [String: StaleClaim]] = [:]

    public init(answers: [Answer], deliveries: [Delivery], reps: [Rep]) {
        self.answers = answers
        self.deliveries = deliveries
        self.reps = reps
    }
}
