import Foundation

/// One partner's engagement as of a date: rates with Wilson intervals, communication speed, activity,
/// the Pareto share and the 0–100 score; built from its people's `EngagementInputs`.
public struct PartnerEngagement: Sendable, Equatable, Codable {
    /// "Active" means an ack or response within this window before the as-of date (14 days).
    public static let activeWindow: TimeInterval = 14 * 86_400
    /// How many of the busiest reps the Pareto share looks at.
    public static let topContributors = 3

    public var partner: String
    public var category: String
    public var asOf: Date
    /// People the inputs covered.
    public var people: Int
    /// Responded deliveries out of delivered ones; `people` = people with a delivery.
    public var responseRate: Proportion
    /// Acked deliveries out of delivered ones; `people` = people with a delivery.
    public var ackRate: Proportion
    /// Correct quiz answers out of quiz answers; `people` = people who answered a quiz.
    public var recall: Proportion
    /// People active in the window out of all people.
    public var activeShare: Proportion
    /// Median time to ack, overall, direct and relayed.
    public var speed: CommunicationSpeed
    /// `clamp(1 − median ack hours / 72, 0, 1)`; nil when fewer than 3 people acked.
    public var speedScore: Double?
    /// People with no ack or response in the window ("quiet reps"), sorted by id.
    public var quietPeople: [String]
    /// Share of acks plus responses that come from the 3 busiest people; nil for 3 people or fewer.
    public var topShare: Double?
    /// The weighted 0–100 mix of response rate, ack rate, speed and recall; see `ScoreWeights`.
    public var score: Double?

    /// Aggregates a partner's people. Parts from fewer than 3 people (`Proportion.minimumPeople`) are left
    /// out of the score and the other weights re-normalised; with no part left the score is nil.
    public init(
        partner: String, category: String, inputs: [EngagementInputs], asOf: Date,
        weights: ScoreWeights = .standard, activeWindow: TimeInterval = PartnerEngagement.activeWindow
    ) {
        let reached = inputs.filter { $0.delivered > 0 }
        let delivered = reached.reduce(0) { $0 + $1.delivered }
        let quizzed = inputs.filter { $0.quizAnswers > 0 }
        let active = inputs.filter { $0.isActive(asOf: asOf, window: activeWindow) }

        self.partner = partner
        self.category = category
        self.asOf = asOf
        self.people = inputs.count
        self.responseRate = Proportion(
            successes: reached.reduce(0) { $0 + min(max($1.responded, 0), $1.delivered) },
            trials: delivered, people: reached.count)
        self.ackRate = Proportion(
            successes: reached.reduce(0) { $0 + min(max($1.acked, 0), $1.delivered) },
            trials: delivered, people: reached.count)
        self.recall = Proportion(
            successes: quizzed.reduce(0) { $0 + min(max($1.quizCorrect, 0), $1.quizAnswers) },
            trials: quizzed.reduce(0) { $0 + $1.quizAnswers }, people: quizzed.count)
        self.activeShare = Proportion(successes: active.count, trials: inputs.count)
        self.speed = CommunicationSpeed(inputs: inputs)
        self.speedScore = self.speed.people >= Proportion.minimumPeople
            ? self.speed.overall.map { weights.speedScore(medianAckDelay: $0) } : nil
        let activeIDs = Set(active.map(\.person))
        self.quietPeople = inputs.map(\.person).filter { !activeIDs.contains($0) }.sorted()
        self.topShare = TopShare.share(of: inputs.map { Double($0.activity) }, top: Self.topContributors)
        self.score = weights.score(
            responseRate: self.responseRate.displayRate, ackRate: self.ackRate.displayRate,
            speed: self.speedScore, recall: self.recall.displayRate)
    }

    /// The value of `metric` under the display rule (nil from fewer than 3 people); proportions are 0...1,
    /// the median in hours, the score 0...100. Scorecards, rankings and week-over-week use this.
    public func value(of metric: Metric) -> Double? {
        switch metric {
        case .responseRate: self.responseRate.displayRate
        case .ackRate: self.ackRate.displayRate
        case .medianAckHours: self.speed.displayHours
        case .recall: self.recall.displayRate
        case .activeShare: self.activeShare.displayRate
        case .score: self.score
        }
    }
}
