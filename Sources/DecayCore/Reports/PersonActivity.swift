import Foundation

/// Everything the person report reads from the store about one person: who they are, what reached them,
/// what they answered, and their engagement inputs as of the same instant.
public struct PersonActivity: Sendable, Equatable, Codable {
    /// One message reaching the person.
    public struct Delivery: Sendable, Equatable, Codable {
        public var message: String
        public var version: Int
        public var hops: Int
        /// Who relayed it to the person; nil when it came directly.
        public var via: String?
        public var deliveredAt: Date
        public var ackedAt: Date?

        public init(message: String, version: Int, hops: Int, via: String?, deliveredAt: Date, ackedAt: Date?) {
            self.message = message
            self.version = version
            self.hops = hops
            self.via = via
            self.deliveredAt = deliveredAt
            self.ackedAt = ackedAt
        }
    }

    /// One survey response with its answers.
    public struct Response: Sendable, Equatable, Codable {
        public var id: Int64
        public var survey: String
        public var message: String?
        public var version: Int?
        public var submittedAt: Date
        public var answers: [Answer]

        public init(id: Int64, survey: String, message: String?, version: Int?, submittedAt: Date, answers: [Answer]) {
            self.id = id
            self.survey = survey
            self.message = message
            self.version = version
            self.submittedAt = submittedAt
            self.answers = answers
        }
    }

    /// One answer; `correct` is set for quiz questions only, each tied to one key point.
    public struct Answer: Sendable, Equatable, Codable {
        public var question: String
        public var kind: String
        public var keyPoint: String?
        public var correct: Bool?

        public init(question: String, kind: String, keyPoint: String?, correct: Bool?) {
            self.question = question
            self.kind = kind
            self.keyPoint = keyPoint
            self.correct = correct
        }
    }

    public var asOf: Date
    public var person: Person
    public var partner: Partner?
    /// Oldest first.
    public var deliveries: [Delivery]
    /// Oldest first.
    public var responses: [Response]
    public var inputs: EngagementInputs

    public init(
        asOf: Date, person: Person, partner: Partner?, deliveries: [Delivery], responses: [Response], inputs: EngagementInputs
    ) {
        self.asOf = asOf
        self.person = person
        self.partner = partner
        self.deliveries = deliveries
        self.responses = responses
        self.inputs = inputs
    }
}
