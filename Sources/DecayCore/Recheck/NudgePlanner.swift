import Foundation

/// A rep who received a broadcast and has neither acknowledged nor answered it: the store's side of the nudge rule.
public struct NudgeCandidate: Sendable, Equatable {
    public var person: String
    public var name: String
    public var partner: String?
    public var timezone: String
    public var message: String
    public var version: Int
    public var deliveredAt: Date
    /// Reminders already queued for this delivery (cancelled ones not counted).
    public var nudgesSent: Int

    public init(person: String, name: String, partner: String?, timezone: String, message: String, version: Int, deliveredAt: Date, nudgesSent: Int) {
        self.person = person
        self.name = name
        self.partner = partner
        self.timezone = timezone
        self.message = message
        self.version = version
        self.deliveredAt = deliveredAt
        self.nudgesSent = nudgesSent
    }
}

/// When silent reps are reminded: one reminder after each entry of `afterWorkingDays` (3 and 5 by default), counted
/// from the delivery in the rep's time zone; deliveries older than `windowWorkingDays` are left alone, so a service
/// started on an old channel does not remind everyone of last quarter's messages.
public struct NudgeRules: Sendable, Equatable, Codable {
    public static let standard = NudgeRules(afterWorkingDays: [3, 5], windowWorkingDays: 10)

    public var afterWorkingDays: [Int]
    public var windowWorkingDays: Int

    public init(afterWorkingDays: [Int], windowWorkingDays: Int) {
        self.afterWorkingDays = afterWorkingDays.sorted()
        self.windowWorkingDays = windowWorkingDays
    }
}

/// A reminder to send: which delivery, the how-many-th, and when (10:00 local on a working day).
public struct DueNudge: Sendable, Equatable, Codable {
    public var person: String
    public var name: String
    public var partner: String?
    public var message: String
    public var version: Int
    /// 1 for the first reminder, 2 for the second.
    public var number: Int
    public var sendAt: Date
    public var timezone: String
    public var reason: String
}

/// Decides which silent reps get their next reminder at their next send slot. Pure.
public struct NudgePlanner: Sendable {
    public var rules: NudgeRules

    public init(rules: NudgeRules = .standard) {
        self.rules = rules
    }

    public func plan(_ candidates: [NudgeCandidate], asOf: Date) -> [DueNudge] {
        candidates.compactMap { candidate in
            guard candidate.nudgesSent < self.rules.afterWorkingDays.count else { return nil }
            let timeZone = TimeZone(identifier: candidate.timezone) ?? TimeZone(identifier: "UTC")!
            let days = self.rules.afterWorkingDays[candidate.nudgesSent]
            let threshold = WorkingDays.adding(days, to: candidate.deliveredAt, in: timeZone)
            let window = WorkingDays.adding(max(self.rules.windowWorkingDays, days), to: candidate.deliveredAt, in: timeZone)
            let slot = WorkingDays.nextSendTime(after: asOf, in: timeZone)
            guard threshold <= slot, slot <= window else { return nil }
            return DueNudge(
                person: candidate.person, name: candidate.name, partner: candidate.partner, message: candidate.message,
                version: candidate.version, number: candidate.nudgesSent + 1, sendAt: slot, timezone: timeZone.identifier,
                reason: "no acknowledgement or answer \(days) working days after the broadcast")
        }
        .sorted { ($0.sendAt, $0.person, $0.message) < ($1.sendAt, $1.person, $1.message) }
    }
}
