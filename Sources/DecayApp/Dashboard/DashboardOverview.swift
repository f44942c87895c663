import DecayCore
import DecayStore
import Foundation

/// The dashboard's front page: the week's figures beside last week's, each active message's reach and decay, and
/// what needs attention (spreading wrong answers, quiet partners, dead posts, rejected events), and the re-checks due or
/// sent per message (counted for the viewer's own reps). A manager's scope
/// narrows the partner figures and leaves out the channel-wide message fits and operations.
public struct DashboardOverview: Sendable {
    public let engagement: EngagementReports
    public let messages: MessageReports
    public let outbox: OutboxListing
    public let inbox: InboxReplay
    public let rechecks: OverviewRechecks

    public init(engagement: EngagementReports, messages: MessageReports, outbox: OutboxListing, inbox: InboxReplay, rechecks: OverviewRechecks) {
        self.engagement = engagement
        self.messages = messages
        self.outbox = outbox
        self.inbox = inbox
        self.rechecks = rechecks
    }

    public func overview(asOf: Date, viewer: DashboardViewer) async throws -> Overview {
        let scope = viewer.scope
        let now = try await self.engagement.partners(asOf: asOf, filter: PartnerFilter(), scope: scope).report
        let lastWeek = try await self.engagement.partners(asOf: asOf.addingTimeInterval(-7 * 86_400), filter: PartnerFilter(), scope: scope).report
        var overview = Overview(
            asOf: asOf, thisWeek: WeekFigures(now), lastWeek: WeekFigures(lastWeek),
            quietPartners: Self.quiet(now.partners), messages: [], spreading: [], deadPosts: nil, rejectedEvents: nil,
            rechecks: try await self.rechecks.week(asOf: asOf, viewer: viewer))
        guard viewer.isAdmin else { return overview }
        for message in self.messages.catalog.sortedMessages {
            // Point estimates are enough here; the bootstrap intervals (seconds on a large channel) wait for the message page.
            let report = try await self.messages.report(message: message.id, resamples: 0, servingStale: true)
            overview.messages.append(MessageSummary(report))
            overview.spreading += report.keyPoints.compactMap { point in
                point.mostCommonWrongAnswer.flatMap { wrong in
                    wrong.count >= Proportion.minimumPeople
                        ? SpreadingAnswer(message: report.message, keyPoint: point.id, answer: wrong.text, count: wrong.count) : nil
                }
            }
        }
        overview.spreading.sort { $0.count > $1.count }
        overview.deadPosts = try await self.outbox.list(status: .dead, limit: 1).counts[OutboxStatus.dead.rawValue] ?? 0
        overview.rejectedEvents = try await self.inbox.rejected(limit: 1000).count
        return overview
    }

    /// Partners with the most reps silent for 14 days, at most ten.
    static func quiet(_ lines: [PartnersReport.Line]) -> [QuietPartner] {
        lines.filter { $0.quietReps.count >= Proportion.minimumPeople }
            .sorted { ($0.quietReps.count, $1.id) > ($1.quietReps.count, $0.id) }
            .prefix(10)
            .map { QuietPartner(id: $0.id, name: $0.name, reps: $0.people, quiet: $0.quietReps.count) }
    }
}

/// The overview's answer.
public struct Overview: Sendable {
    public var asOf: Date
    public var thisWeek: WeekFigures
    public var lastWeek: WeekFigures
    public var quietPartners: [QuietPartner]
    /// Admins only: one line per message in the catalog.
    public var messages: [MessageSummary]
    public var spreading: [SpreadingAnswer]
    public var deadPosts: Int?
    public var rejectedEvents: Int?
    /// Per message with any: re-checks due or sent and reminders, for the viewer's reps only.
    public var rechecks: [MessageRechecks]
}

/// The channel's figures as of one instant, pooled over the partners in scope.
public struct WeekFigures: Sendable {
    public var partners: Int
    public var people: Int
    public var responseRate: ShareFigure
    public var ackRate: ShareFigure
    public var activeShare: ShareFigure
    public var medianScore: Double?
    public var scoreGini: Double?

    init(_ report: PartnersReport) {
        func pooled(_ figure: (PartnersReport.Line) -> ShareFigure) -> ShareFigure {
            let figures = report.partners.map(figure)
            return ShareFigure(Proportion(
                successes: figures.reduce(0) { $0 + $1.successes }, trials: figures.reduce(0) { $0 + $1.trials },
                people: figures.reduce(0) { $0 + $1.people }))
        }
        self.partners = report.overall.partners
        self.people = report.overall.people
        self.responseRate = pooled(\.responseRate)
        self.ackRate = pooled(\.ackRate)
        self.activeShare = pooled(\.activeShare)
        self.medianScore = report.overall.medianScore
        self.scoreGini = report.overall.scoreGini
    }
}

/// One message on the overview: reach, share still correct, the fastest-decaying point and what relays lose.
public struct MessageSummary: Sendable {
    public var id: String
    public var title: String
    public var version: Int
    public var people: Int
    public var stillCorrect: ShareFigure
    public var fastestPoint: String?
    public var fastestHalfLifeDays: Double?
    /// 1 − mean relay fidelity; nil without scored relays or when fewer than 3 people relayed.
    public var relayLoss: Double?
    public var relays: Int

    init(_ report: MessageReport) {
        self.id = report.message
        self.title = report.title
        self.version = report.version
        self.people = report.people
        let rates = report.keyPoints.map(\.correctNow)
        self.stillCorrect = ShareFigure(Proportion(
            successes: rates.reduce(0) { $0 + $1.correct }, trials: rates.reduce(0) { $0 + $1.answers },
            people: rates.map(\.people).max() ?? 0))
        let fastest = report.keyPoints.filter { $0.halfLifeDays.value != nil }.min { ($0.halfLifeDays.value ?? 0) < ($1.halfLifeDays.value ?? 0) }
        self.fastestPoint = fastest?.id
        self.fastestHalfLifeDays = fastest?.halfLifeDays.value
        self.relayLoss = report.relayPeople >= Proportion.minimumPeople ? report.meanRelayFidelity.map { 1 - $0 } : nil
        self.relays = report.relaysTotal
    }
}

/// A wrong answer given by 3 people or more.
public struct SpreadingAnswer: Sendable {
    public var message: String
    public var keyPoint: String
    public var answer: String
    public var count: Int
}

/// A partner with 3 or more reps silent for 14 days.
public struct QuietPartner: Sendable {
    public var id: String
    public var name: String
    public var reps: Int
    public var quiet: Int
}
