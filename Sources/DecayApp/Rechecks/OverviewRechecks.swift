import DecayStore
import Foundation

/// The overview's "re-checks due or sent": per message, the reps with a re-check sent in the 7 days up to `asOf` or
/// due in the 7 days after it, how many of those were delivered and how many answered since, and the reminders
/// delivered. Only the contacts of people the viewer may see are counted.
public struct OverviewRechecks: Sendable {
    public let store: any ContactActivityRepository
    /// The contacts around now, read again when contacts, posts or answers changed, or after a minute: a pass queues
    /// thousands, and every overview counts them. The read is quick (under 0.1 s for 17,000 contacts), so a page
    /// waits for it rather than showing the figures from before a pass.
    let live = ReportResultCache<[ContactActivity]>(capacity: 1)

    public init(store: any ContactActivityRepository) {
        self.store = store
    }

    /// Around now (`asOf` within a minute of `now`) the contacts are shared until something changes.
    public func week(asOf: Date, viewer: DashboardViewer, now: Date = Date()) async throws -> [MessageRechecks] {
        let contacts: [ContactActivity]
        if abs(now.timeIntervalSince(asOf)) < 60 {
            contacts = try await self.live.value(key: "live", stamp: self.store.contactStamp, freshFor: 60) { [store] in
                let now = Date()
                return try await store.contactActivity(from: now.addingTimeInterval(-Self.week), through: now.addingTimeInterval(Self.week))
            }
        } else {
            contacts = try await self.store.contactActivity(from: asOf.addingTimeInterval(-Self.week), through: asOf.addingTimeInterval(Self.week))
        }
        let visible = contacts.filter { viewer.canSee(person: $0.person, partner: $0.partner) && $0.person != viewer.manager }
        return Dictionary(grouping: visible, by: \.message).map { message, contacts in
            let rechecks = contacts.filter { $0.kind == .recheck }
            return MessageRechecks(
                message: message,
                reps: Set(rechecks.map(\.person)).count,
                due: Set(rechecks.filter { !$0.sent }.map(\.person)).count,
                sent: Set(rechecks.filter(\.sent).map(\.person)).count,
                answered: Set(rechecks.filter { $0.sent && $0.answered }.map(\.person)).count,
                reminders: contacts.filter { $0.kind == .nudge && $0.sent }.count)
        }.sorted { $0.message < $1.message }
    }

    static let week: TimeInterval = 7 * 86_400
}

/// One message's re-checks around a date; counts of reps, never percentages, so small numbers stay honest.
public struct MessageRechecks: Sendable, Equatable {
    public var message: String
    /// Reps with a re-check sent or due in the window.
    public var reps: Int
    /// Reps whose re-check the outbox has not delivered yet.
    public var due: Int
    /// Reps whose re-check was delivered.
    public var sent: Int
    /// Reps who answered the message after a delivered re-check.
    public var answered: Int
    /// Reminders delivered to silent reps.
    public var reminders: Int
}
