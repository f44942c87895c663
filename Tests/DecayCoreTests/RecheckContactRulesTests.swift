import Foundation
import Testing

@testable import DecayCore

@Suite("Re-check and reminder rules: working days, time zones, reminders, the weekly cap")
struct RecheckContactRulesTests {
    static func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test func sendTimeFollowsTheRepsWallClockAcrossDaylightSavingTime() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        // Daylight saving time ends on Sunday 2026-11-01: 10:00 is 14:00 UTC on Friday and 15:00 UTC on Monday.
        #expect(WorkingDays.nextSendTime(after: Self.utc("2026-10-30T12:00:00Z"), in: newYork) == Self.utc("2026-10-30T14:00:00Z"))
        #expect(WorkingDays.nextSendTime(after: Self.utc("2026-10-30T15:00:00Z"), in: newYork) == Self.utc("2026-11-02T15:00:00Z"), "after Friday's slot: Monday")
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // Berlin springs forward on Sunday 2026-03-29: Monday 10:00 CEST is 08:00 UTC.
        #expect(WorkingDays.nextSendTime(after: Self.utc("2026-03-27T10:00:00Z"), in: berlin) == Self.utc("2026-03-30T08:00:00Z"))
    }

    @Test func workingDaysSkipWeekends() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let thursday = Self.utc("2026-11-19T09:00:00Z")
        #expect(WorkingDays.adding(3, to: thursday, in: utc) == Self.utc("2026-11-24T09:00:00Z"), "Fri, Mon, Tue")
        #expect(WorkingDays.adding(5, to: thursday, in: utc) == Self.utc("2026-11-26T09:00:00Z"))
        let saturday = Self.utc("2026-11-21T09:00:00Z")
        #expect(WorkingDays.adding(1, to: saturday, in: utc) == Self.utc("2026-11-23T09:00:00Z"))
    }

    static func candidate(sent: Int, delivered: String = "2026-11-19T09:00:00Z", zone: String = "UTC") -> NudgeCandidate {
        NudgeCandidate(
            person: "rep-1", name: "Rep One", partner: "p-1", timezone: zone, message: "vault-3-launch", version: 2,
            deliveredAt: Self.utc(delivered), nudgesSent: sent)
    }

    @Test func silentRepsAreRemindedAfterThreeAndFiveWorkingDaysThenNeverAgain() {
        let planner = NudgePlanner()
        // Delivered Thursday 09:00; 3 working days later is Tuesday 09:00, so Tuesday's 10:00 slot is the first.
        #expect(planner.plan([Self.candidate(sent: 0)], asOf: Self.utc("2026-11-23T08:00:00Z")).isEmpty, "Monday's slot is too early")
        let first = planner.plan([Self.candidate(sent: 0)], asOf: Self.utc("2026-11-23T12:00:00Z"))
        #expect(first.map(\.number) == [1])
        #expect(first.first?.sendAt == Self.utc("2026-11-24T10:00:00Z"), "queued after Monday's slot for Tuesday's")
        #expect(planner.plan([Self.candidate(sent: 1)], asOf: Self.utc("2026-11-24T12:00:00Z")).isEmpty, "the second waits for day 5")
        let second = planner.plan([Self.candidate(sent: 1)], asOf: Self.utc("2026-11-26T08:00:00Z"))
        #expect(second.map(\.number) == [2])
        #expect(planner.plan([Self.candidate(sent: 2)], asOf: Self.utc("2026-11-30T08:00:00Z")).isEmpty, "two reminders at most")
        #expect(planner.plan([Self.candidate(sent: 0)], asOf: Self.utc("2026-12-10T08:00:00Z")).isEmpty, "past the 10-working-day window")
    }

    static func contact(_ kind: PlannedContact.Kind, person: String, message: String, recall: Double, at: String) -> PlannedContact {
        let due = RecheckPlan.Due(
            person: person, name: person, partner: "p-1", message: message, version: 1, sendAt: Self.utc(at), timezone: "UTC", target: 0.7,
            points: [RecheckPlan.Point(keyPoint: "k", survey: "s", question: "q", recallNow: recall, recallAtSend: recall)], reason: "r")
        var contact = PlannedContact(due)
        contact.kind = kind
        if kind == .nudge { contact.points = [] }
        return contact
    }

    @Test func theWeeklyCapPutsRemindersFirstThenTheMostDecayed() {
        let monday = "2026-11-23T10:00:00Z"
        let candidates = [
            Self.contact(.recheck, person: "a", message: "m1", recall: 0.5, at: monday),
            Self.contact(.recheck, person: "a", message: "m2", recall: 0.2, at: monday),
            Self.contact(.nudge, person: "b", message: "m3", recall: 0, at: monday),
            Self.contact(.recheck, person: "b", message: "m1", recall: 0.1, at: monday),
            Self.contact(.recheck, person: "c", message: "m1", recall: 0.3, at: monday),
        ]
        let earlier = ["c": [Self.utc("2026-11-19T10:00:00Z")]]
        let selection = ContactSelection.select(candidates, earlier: earlier, perWeek: 1)
        #expect(selection.chosen.map { "\($0.person):\($0.message)" }.sorted() == ["a:m2", "b:m3"])
        #expect(selection.deferred.count == 3)
        #expect(selection.deferred.allSatisfy { $0.reason.hasPrefix("weekly cap of 1") })
        let two = ContactSelection.select(candidates, earlier: [:], perWeek: 2)
        #expect(two.chosen.count == 5, "a cap of 2 lets each rep have two")
        #expect(ContactSelection.select(candidates, earlier: ["c": [Self.utc("2026-11-16T09:00:00Z")]], perWeek: 1).chosen.contains { $0.person == "c" },
                "a contact 7 days and an hour earlier no longer counts")
    }

    @Test func aRechecksRoundIsTheIsoWeekOfItsSendTimeInTheRepsZone() {
        let due = RecheckPlan.Due(
            person: "a", name: "A", partner: nil, message: "m", version: 1, sendAt: Self.utc("2026-11-29T23:00:00Z"),
            timezone: "Australia/Sydney", target: 0.7, points: [], reason: "r")
        #expect(PlannedContact(due).round == "2026-W49", "Monday 10:00 in Sydney is still Sunday in UTC")
    }
}
