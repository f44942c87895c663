import Foundation

/// Everything ``DigestBuilder`` reads: the directory, engagement snapshots of the whole channel at the cut-off and at
/// the start of the week, and per message the report input. The builder narrows it to the manager's scope itself, so
/// the scoping rules live (and are tested) in one place; a run may pass inputs already narrowed by the same rules.
public struct DigestInput: Sendable {
    public var manager: Person
    public var week: ISOWeek
    public var period: Digest.Period
    /// The directory, or at least everyone the manager's scope can hold (a run passes the people at the manager's
    /// partners); names and the scope come from here.
    public var people: [Person]
    /// Every partner and person as of `period.asOf`; ranks in category are taken across the channel.
    public var current: EngagementSnapshot
    /// The same as of `period.start`, the end of the previous week.
    public var previous: EngagementSnapshot
    public var targets: ScoreTargets?
    public var messages: [DigestMessageInput]
    /// The channel-wide partners reports of `current` (with `targets`) and `previous`, when a run of many digests has
    /// built them once; nil = built here.
    public var reports: (current: PartnersReport, previous: PartnersReport)?
    /// Re-checks and reminders queued from 7 days before the week to 7 days after the cut-off (any scope; the
    /// builder keeps the manager's reps).
    public var contacts: [DigestContact]
    /// The channel's pulse report as of the cut-off and as of the start of the week (any scope; the builder keeps a
    /// channel manager's partners); nil = no Pulse section. Without `weekStart` every move counts as news.
    public var pulse: (current: PulseReport, weekStart: PulseReport?)?

    public init(
        manager: Person, week: ISOWeek, period: Digest.Period, people: [Person], current: EngagementSnapshot,
        previous: EngagementSnapshot, targets: ScoreTargets?, messages: [DigestMessageInput],
        reports: (current: PartnersReport, previous: PartnersReport)? = nil, contacts: [DigestContact] = [],
        pulse: (current: PulseReport, weekStart: PulseReport?)? = nil
    ) {
        self.pulse = pulse
        self.reports = reports
        self.contacts = contacts
        self.manager = manager
        self.week = week
        self.period = period
        self.people = people
        self.current = current
        self.previous = previous
        self.targets = targets
        self.messages = messages
    }
}

/// One message of the catalog with the data about it up to the cut-off.
public struct DigestMessageInput: Sendable {
    public var message: Message
    public var surveys: [Survey]
    /// The message report over the whole channel: half-lives and retention per hop come from here.
    public var report: MessageReport
    /// Quiz answers, free texts and relays of the whole channel; the builder keeps the manager's people.
    public var input: MessageReportInput
    /// Deliveries of the message (any version) to the manager's reps, up to the cut-off.
    public var deliveries: [Delivery]
    /// What older versions claimed and who still carries them (from `input.oldVersions`, across the channel; the
    /// builder keeps the manager's people); nil when no older version changed a key point.
    public var oldVersions: OldVersionFindings?

    /// `oldVersions` found once for many digests (a run shares them); nil finds them here from `input.oldVersions`.
    public init(
        message: Message, surveys: [Survey], report: MessageReport, input: MessageReportInput, deliveries: [Delivery],
        oldVersions: OldVersionFindings? = nil
    ) {
        self.oldVersions = oldVersions ?? OldVersionFindings(message: message, surveys: surveys, evidence: input.oldVersions)
        self.message = message
        self.surveys = surveys
        self.report = report
        self.input = input
        self.deliveries = deliveries
    }

    /// One delivery to one person.
    public struct Delivery: Sendable, Equatable {
        public var person: String
        public var hops: Int
        public var deliveredAt: Date
        /// Nil when not acked by the cut-off.
        public var ackedAt: Date?

        public init(person: String, hops: Int, deliveredAt: Date, ackedAt: Date?) {
            self.person = person
            self.hops = hops
            self.deliveredAt = deliveredAt
            self.ackedAt = ackedAt
        }
    }
}
