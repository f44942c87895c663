import Foundation

/// `decay report person ID`: one person's deliveries, responses with quiz correctness per key point, and
/// engagement figures. Figures are counts, not percentages: one person is below the 3-people display rule.
public struct PersonReport: Sendable, Equatable, Codable {
    /// Who the person is; contact details are left out.
    public struct Profile: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var role: Role
        public var partner: String?
        public var partnerName: String?
        public var category: String?
        public var reportsTo: String?
    }

    /// The person's engagement as counts and times.
    public struct Engagement: Sendable, Equatable, Codable {
        public var delivered: Int
        public var acked: Int
        public var responded: Int
        public var medianAckHours: Double?
        public var lastActivity: Date?
        /// An ack or response in the 14 days up to `asOf`.
        public var active: Bool
        /// Usual route: people between the vendor and the person (0 = direct).
        public var hops: Int
        public var quizAnswers: Int
        public var quizCorrect: Int
    }

    /// Quiz correctness on one key point over all the person's answers.
    public struct KeyPointRecall: Sendable, Equatable, Codable {
        public var message: String?
        public var keyPoint: String
        public var answers: Int
        public var correct: Int
        /// Whether the most recent answer on this point was correct.
        public var latestCorrect: Bool
    }

    public var asOf: Date
    public var person: Profile
    public var engagement: Engagement
    public var deliveries: [PersonActivity.Delivery]
    public var responses: [PersonActivity.Response]
    /// Sorted by message, then key point.
    public var keyPoints: [KeyPointRecall]

    /// Builds the report from the store's read of one person.
    public init(activity: PersonActivity) {
        let inputs = activity.inputs
        self.asOf = activity.asOf
        self.person = Profile(
            id: activity.person.id, name: activity.person.name, role: activity.person.role,
            partner: activity.person.partner, partnerName: activity.partner?.name, category: activity.partner?.category,
            reportsTo: activity.person.reportsTo
        )
        self.engagement = Engagement(
            delivered: inputs.delivered, acked: inputs.acked, responded: inputs.responded,
            medianAckHours: inputs.medianAckDelay.map { $0 / 3600 }, lastActivity: inputs.lastActivity,
            active: inputs.isActive(asOf: activity.asOf), hops: inputs.hops,
            quizAnswers: inputs.quizAnswers, quizCorrect: inputs.quizCorrect
        )
        self.deliveries = activity.deliveries
        self.responses = activity.responses
        self.keyPoints = Self.recall(activity.responses)
    }

    /// Per (message, key point): answers, correct ones, and whether the latest was correct.
    static func recall(_ responses: [PersonActivity.Response]) -> [KeyPointRecall] {
        var byPoint: [String: KeyPointRecall] = [:]
        for response in responses.sorted(by: { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }) {
            for answer in response.answers {
                guard let point = answer.keyPoint, let correct = answer.correct else { continue }
                let key = "\(response.message ?? "")\u{0}\(point)"
                var entry = byPoint[key]
                    ?? KeyPointRecall(message: response.message, keyPoint: point, answers: 0, correct: 0, latestCorrect: false)
                entry.answers += 1
                entry.correct += correct ? 1 : 0
                entry.latestCorrect = correct
                byPoint[key] = entry
            }
        }
        return byPoint.values.sorted { ($0.message ?? "", $0.keyPoint) < ($1.message ?? "", $1.keyPoint) }
    }
}
