import Foundation

extension Digest {
    /// One of the manager's partners: its score and rank in its category now and a week ago, and its busiest reps.
    public struct PartnerLine: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var category: String
        public var tier: String
        /// All the partner's reps, as the partners report counts them.
        public var reps: Int
        public var ackRate: ShareFigure
        public var responseRate: ShareFigure
        public var recall: ShareFigure
        /// The score now against the end of the previous week.
        public var score: MetricChange
        /// Rank among every partner of the category in the channel (1 = best); nil when unscored.
        public var rank: Int?
        public var previousRank: Int?
        /// Scored partners in the category, so a rank reads "3 of 14".
        public var rankedInCategory: Int
        /// Up to three reps in scope with the most acks plus responses.
        public var topReps: [RepLine]
        /// Share of the partner's activity from its three busiest reps; nil for three reps or fewer.
        public var topShare: Double?
        /// Quiet reps of this partner in the manager's scope.
        public var quietReps: Int
        /// Target vs actual per metric; nil without targets.
        public var scorecard: [ScorecardEntry]?

        public init(
            id: String, name: String, category: String, tier: String, reps: Int, ackRate: ShareFigure, responseRate: ShareFigure,
            recall: ShareFigure, score: MetricChange, rank: Int?, previousRank: Int?, rankedInCategory: Int, topReps: [RepLine],
            topShare: Double?, quietReps: Int, scorecard: [ScorecardEntry]?
        ) {
            self.id = id
            self.name = name
            self.category = category
            self.tier = tier
            self.reps = reps
            self.ackRate = ackRate
            self.responseRate = responseRate
            self.recall = recall
            self.score = score
            self.rank = rank
            self.previousRank = previousRank
            self.rankedInCategory = rankedInCategory
            self.topReps = topReps
            self.topShare = topShare
            self.quietReps = quietReps
            self.scorecard = scorecard
        }
    }

    /// One rep's counts (one person is below the display rule, so no percentages).
    public struct RepLine: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var acked: Int
        public var responded: Int
        public var quizCorrect: Int
        public var quizAnswers: Int
        /// Acks plus survey responses in the 90 days up to the cut-off: what the top reps are ranked by.
        public var recentActivity: Int

        public init(id: String, name: String, acked: Int, responded: Int, quizCorrect: Int, quizAnswers: Int, recentActivity: Int = 0) {
            self.recentActivity = recentActivity
            self.id = id
            self.name = name
            self.acked = acked
            self.responded = responded
            self.quizCorrect = quizCorrect
            self.quizAnswers = quizAnswers
        }

        /// Acks plus responses, as the Pareto view counts them.
        public var activity: Int { self.acked + self.responded }
    }

    public struct QuietPartner: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var reps: Int
        /// The last ack or response of any of its reps; nil when there was none.
        public var lastActivity: Date?

        public init(id: String, name: String, reps: Int, lastActivity: Date?) {
            self.id = id
            self.name = name
            self.reps = reps
            self.lastActivity = lastActivity
        }
    }

    public struct QuietRep: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var partner: String
        public var partnerName: String
        public var lastActivity: Date?

        public init(id: String, name: String, partner: String, partnerName: String, lastActivity: Date?) {
            self.id = id
            self.name = name
            self.partner = partner
            self.partnerName = partnerName
            self.lastActivity = lastActivity
        }
    }

    /// How the manager's partners stand against one metric's targets.
    public struct ScorecardSummary: Sendable, Equatable, Codable {
        public var metric: Metric
        public var met: Int
        public var missed: Int
        /// Partners with a target but no actual (no data, or fewer than 3 people).
        public var unknown: Int

        public init(metric: Metric, met: Int, missed: Int, unknown: Int) {
            self.metric = metric
            self.met = met
            self.missed = missed
            self.unknown = unknown
        }
    }
}
