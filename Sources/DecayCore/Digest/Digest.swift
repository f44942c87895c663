import Foundation

/// The weekly summary for one manager and one ISO week, before it is rendered for a chat format.
/// Built by ``DigestBuilder``; every share keeps its counts and follows the fewer-than-3-people rule.
/// Definitions: docs/digest.md.
public struct Digest: Sendable, Equatable, Codable {
    /// Who the digest is for.
    public struct Manager: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var role: Role
        /// A partner manager's own partner; nil for a channel manager.
        public var partner: String?
        public var partnerName: String?

        public init(id: String, name: String, role: Role, partner: String? = nil, partnerName: String? = nil) {
            self.id = id
            self.name = name
            self.role = role
            self.partner = partner
            self.partnerName = partnerName
        }
    }

    /// The week as the manager lives it: local Monday 00:00 to the next, and the cut-off actually used.
    public struct Period: Sendable, Equatable, Codable {
        public var start: Date
        public var end: Date
        /// `min(end, now)`: a digest previewed mid-week counts activity up to now.
        public var asOf: Date
        /// IANA time zone the week and every date in the digest are read in.
        public var timeZone: String

        public init(start: Date, end: Date, asOf: Date, timeZone: String) {
            self.start = start
            self.end = end
            self.asOf = asOf
            self.timeZone = timeZone
        }
    }

    /// The manager's people and the channel-wide engagement figures over them, with last week's values.
    public struct Engagement: Sendable, Equatable, Codable {
        /// Partners in scope.
        public var partners: Int
        /// Reps in scope: only reps count towards figures, as in the partners report.
        public var reps: Int
        /// Of the (rep, active message) pairs the messages' audiences call for, the share delivered.
        public var reach: ShareFigure
        public var ackRate: ShareFigure
        public var responseRate: ShareFigure
        /// Reps active (ack or response) in the 14 days up to the cut-off.
        public var activeShare: ShareFigure
        /// Median hours to ack; nil from fewer than 3 reps who acked.
        public var medianAckHours: Double?
        public var directAckHours: Double?
        public var relayedAckHours: Double?
        /// Every metric now against the end of the previous week.
        public var changes: [MetricChange]
        /// Reps in scope with an ack or response from the start of the week to the cut-off; 0 reads "no activity this
        /// week" once instead of a "±0" on every line. Nil when not counted.
        public var repsActiveThisWeek: Int?

        public init(
            partners: Int, reps: Int, reach: ShareFigure, ackRate: ShareFigure, responseRate: ShareFigure, activeShare: ShareFigure,
            medianAckHours: Double?, directAckHours: Double?, relayedAckHours: Double?, changes: [MetricChange], repsActiveThisWeek: Int? = nil
        ) {
            self.repsActiveThisWeek = repsActiveThisWeek
            self.partners = partners
            self.reps = reps
            self.reach = reach
            self.ackRate = ackRate
            self.responseRate = responseRate
            self.activeShare = activeShare
            self.medianAckHours = medianAckHours
            self.directAckHours = directAckHours
            self.relayedAckHours = relayedAckHours
            self.changes = changes
        }

        /// The week-over-week move of one metric.
        public func change(_ metric: Metric) -> MetricChange? {
            self.changes.first { $0.metric == metric }
        }
    }

    public var manager: Manager
    public var week: ISOWeek
    public var period: Period
    public var engagement: Engagement
    /// Active messages, most recently delivered first.
    public var messages: [MessageLine]
    /// Messages whose projected recall falls below the threshold by a week after the cut-off, soonest first.
    public var rechecks: [Recheck]
    /// Re-checks and reminders to the manager's reps: sent, answered, scheduled, and the coaching list.
    public var recheckActivity: RecheckActivity?
    /// The manager's signed sign-in link to the dashboard, scoped to what this digest covers (14 days); nil when the
    /// digest was built without the link secret.
    public var dashboardURL: String?
    /// The manager's partners by category, then rank in category (unranked last), then name.
    public var partners: [PartnerLine]
    /// Partners none of whose reached reps acked or answered in the 14 days up to the cut-off.
    public var quietPartners: [QuietPartner]
    /// Reps in scope who were reached but did not ack or answer in those 14 days, by partner then name.
    public var quietReps: [QuietRep]
    /// Targets met and missed per metric over the partners; nil without targets.
    public var scorecard: [ScorecardSummary]?
    /// Channel managers: their partners' pulse scale questions whose mean moved on the previous quarter, largest first.
    public var pulse: [PulseMove]

    public init(
        manager: Manager, week: ISOWeek, period: Period, engagement: Engagement, messages: [MessageLine], rechecks: [Recheck],
        partners: [PartnerLine], quietPartners: [QuietPartner], quietReps: [QuietRep], scorecard: [ScorecardSummary]?,
        recheckActivity: RecheckActivity? = nil, pulse: [PulseMove] = []
    ) {
        self.pulse = pulse
        self.recheckActivity = recheckActivity
        self.manager = manager
        self.week = week
        self.period = period
        self.engagement = engagement
        self.messages = messages
        self.rechecks = rechecks
        self.partners = partners
        self.quietPartners = quietPartners
        self.quietReps = quietReps
        self.scorecard = scorecard
    }
}
