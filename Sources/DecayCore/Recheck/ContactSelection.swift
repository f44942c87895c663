import Foundation

/// One re-check or reminder the scheduler could send, with its round: the database keys a contact on
/// (kind, person, message, round), so the same contact is queued once however many passes plan it.
public struct PlannedContact: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case recheck
        case nudge
    }

    public var kind: Kind
    public var person: String
    public var name: String
    public var partner: String?
    public var message: String
    public var version: Int
    /// A re-check's round is the ISO week of its send time in the rep's time zone (`2026-W50`); a reminder's is the
    /// message version and its number (`v2-1`).
    public var round: String
    public var sendAt: Date
    public var timezone: String
    /// The key points a re-check asks, weakest first; empty for a reminder.
    public var points: [RecheckPlan.Point]
    public var reason: String

    public init(_ due: RecheckPlan.Due) {
        let timeZone = TimeZone(identifier: due.timezone) ?? TimeZone(identifier: "UTC")!
        self.kind = .recheck
        self.person = due.person
        self.name = due.name
        self.partner = due.partner
        self.message = due.message
        self.version = due.version
        self.round = ISOWeek.containing(due.sendAt, in: timeZone).description
        self.sendAt = due.sendAt
        self.timezone = due.timezone
        self.points = due.points
        self.reason = due.reason
    }

    public init(_ nudge: DueNudge) {
        self.kind = .nudge
        self.person = nudge.person
        self.name = nudge.name
        self.partner = nudge.partner
        self.message = nudge.message
        self.version = nudge.version
        self.round = "v\(nudge.version)-\(nudge.number)"
        self.sendAt = nudge.sendAt
        self.timezone = nudge.timezone
        self.points = []
        self.reason = nudge.reason
    }
}

/// Applies the weekly cap: at most `perWeek` contacts (re-checks and reminders together) per rep within any 7 days.
/// Reminders go first (the rep has not even read the newest message), then re-checks, most decayed first. Pure.
public struct ContactSelection: Sendable, Equatable, Codable {
    public struct Deferred: Sendable, Equatable, Codable {
        public var contact: PlannedContact
        public var reason: String
    }

    public var chosen: [PlannedContact]
    public var deferred: [Deferred]

    public static let week: TimeInterval = 7 * 86_400

    /// `earlier`: send times of the contacts already queued or sent, per person.
    public static func select(_ candidates: [PlannedContact], earlier: [String: [Date]], perWeek: Int) -> ContactSelection {
        var chosen: [PlannedContact] = []
        var deferred: [Deferred] = []
        var taken = earlier
        let ordered = candidates.sorted { lhs, rhs in
            (lhs.person, lhs.kind == .nudge ? 0 : 1, Self.weakness(lhs), lhs.message) < (rhs.person, rhs.kind == .nudge ? 0 : 1, Self.weakness(rhs), rhs.message)
        }
        for candidate in ordered {
            let near = (taken[candidate.person] ?? []).filter { abs($0.timeIntervalSince(candidate.sendAt)) < Self.week }
            guard near.count < perWeek else {
                let last = near.max().map { $0.formatted(.iso8601) } ?? "-"
                deferred.append(Deferred(contact: candidate, reason: "weekly cap of \(perWeek): already contacted for \(last)"))
                continue
            }
            chosen.append(candidate)
            taken[candidate.person, default: []].append(candidate.sendAt)
        }
        chosen.sort { ($0.sendAt, $0.person, $0.message) < ($1.sendAt, $1.person, $1.message) }
        return ContactSelection(chosen: chosen, deferred: deferred)
    }

    private static func weakness(_ contact: PlannedContact) -> Double {
        contact.points.first?.recallAtSend ?? 0
    }
}
