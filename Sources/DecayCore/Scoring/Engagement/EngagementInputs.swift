import Foundation

/// What one person did with the messages delivered to them, as of one date; the store builds these,
/// and `PartnerEngagement` turns a partner's list of them into rates, speed and a score.
public struct EngagementInputs: Sendable, Equatable, Hashable, Codable {
    /// Person id, e.g. `rep-0042`.
    public var person: String
    /// Messages delivered to this person.
    public var delivered: Int
    /// Of those, messages the person acknowledged.
    public var acked: Int
    /// Median time from delivery to ack over the acked messages; nil when nothing was acked.
    public var medianAckDelay: TimeInterval?
    /// Of the delivered messages, those whose survey the person answered.
    public var responded: Int
    /// Most recent ack or survey response; nil when the person never did either.
    public var lastActivity: Date?
    /// People between the vendor and this person on their usual route: 0 = reached directly.
    public var hops: Int
    /// Quiz answers given (each tied to one key point).
    public var quizAnswers: Int
    /// Of those, the correct ones.
    public var quizCorrect: Int
    /// Acks plus survey responses in the ``recentWindow`` up to the snapshot's date: what ranks a digest's top reps.
    public var recentActivity = 0

    /// The window of ``recentActivity``: 90 days, so a rep busy a year ago does not top this quarter's list.
    public static let recentWindow: TimeInterval = 90 * 86_400

    public init(
        person: String, delivered: Int, acked: Int, medianAckDelay: TimeInterval? = nil, responded: Int,
        lastActivity: Date? = nil, hops: Int = 0, quizAnswers: Int = 0, quizCorrect: Int = 0
    ) {
        self.person = person
        self.delivered = delivered
        self.acked = acked
        self.medianAckDelay = medianAckDelay
        self.responded = responded
        self.lastActivity = lastActivity
        self.hops = hops
        self.quizAnswers = quizAnswers
        self.quizCorrect = quizCorrect
    }

    /// Whether the message reached this person without an intermediary.
    public var isDirect: Bool { self.hops <= 0 }

    /// Acks plus responses: the person's weight in the Pareto (top share) view.
    public var activity: Int { max(self.acked, 0) + max(self.responded, 0) }

    /// Whether the person acked or responded within `window` before `asOf` (both ends included).
    public func isActive(asOf: Date, window: TimeInterval = PartnerEngagement.activeWindow) -> Bool {
        guard let last = self.lastActivity else { return false }
        return last <= asOf && last >= asOf.addingTimeInterval(-window)
    }
}
