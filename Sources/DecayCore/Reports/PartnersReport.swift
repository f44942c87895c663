import Foundation

/// `decay report partners`: one line per partner (rates, speed, activity, score, rank in category, Pareto
/// share, scorecard) and the channel's shape overall; built purely from an `EngagementSnapshot`.
/// Only reps count towards a partner's figures: managers relay, reps are who must carry the message.
public struct PartnersReport: Sendable, Equatable, Codable {
    public var asOf: Date
    /// The category filter applied, if any.
    public var category: String?
    /// Sorted by category, then rank in category (unranked last), then partner id.
    public var partners: [Line]
    public var overall: Overall

    /// One partner's figures; shares hidden by the display rule are nil with their counts kept.
    public struct Line: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var category: String
        public var tier: String
        /// Reps of the partner.
        public var people: Int
        public var responseRate: ShareFigure
        public var ackRate: ShareFigure
        public var recall: ShareFigure
        public var activeShare: ShareFigure
        /// Median over reps of their median ack time, in hours; nil from fewer than 3 reps who acked.
        public var medianAckHours: Double?
        /// The same over reps reached directly (hops = 0).
        public var directAckHours: Double?
        /// The same over reps reached through relays (hops > 0).
        public var relayedAckHours: Double?
        /// Reps without an ack or response in the 14 days up to `asOf`, sorted by id.
        public var quietReps: [String]
        /// The 0–100 score, nil when no part comes from 3 reps or more.
        public var score: Double?
        /// Standard competition rank of the score among partners of the same category (1 = best).
        public var rankInCategory: Int?
        /// Share of acks plus responses from the 3 busiest reps; nil for 3 reps or fewer.
        public var topShare: Double?
        /// Target vs actual per metric; nil when no targets were given.
        public var scorecard: [ScorecardEntry]?
    }

    /// The channel as a whole.
    public struct Overall: Sendable, Equatable, Codable {
        public var partners: Int
        public var people: Int
        /// Partners with a score.
        public var scoredPartners: Int
        /// Gini coefficient of partner scores (0 = all equal); nil without scores.
        public var scoreGini: Double?
        /// Median partner score.
        public var medianScore: Double?
        /// Scorecard lines met, missed, and without an actual, over all partners; nil without targets.
        public var targetsMet: Int?
        public var targetsMissed: Int?
        public var targetsUnknown: Int?
    }

    public init(asOf: Date, category: String?, partners: [Line], overall: Overall) {
        self.asOf = asOf
        self.category = category
        self.partners = partners
        self.overall = overall
    }
}

/// One scorecard line in a report: the gap is signed so that positive is always good.
public struct ScorecardEntry: Sendable, Equatable, Codable {
    public var metric: Metric
    public var target: Double
    public var actual: Double?
    public var gap: Double?
    public var met: Bool?

    public init(_ line: ScorecardLine) {
        self.metric = line.metric
        self.target = line.target
        self.actual = line.actual
        self.gap = line.gap
        self.met = line.met
    }
}
