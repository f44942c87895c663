import DecayApp
import DecayCore
import DecayDelivery
import Foundation
import Testing

@Suite("digest schedule")
struct DigestScheduleTests {
    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    let stockholm = TimeZone(identifier: "Europe/Stockholm")!
    let chicago = TimeZone(identifier: "America/Chicago")!

    @Test func dueAtTheLocalTimeOfTheFollowingWeek() throws {
        let schedule = DigestSchedule.standard
        let w47 = try ISOWeek.parse("2026-W47")
        #expect(schedule.due(for: w47, in: self.stockholm) == Self.utc("2026-11-23T08:00:00Z"))
        #expect(schedule.due(for: w47, in: self.chicago) == Self.utc("2026-11-23T15:00:00Z"))
        #expect(schedule.due(for: w47, in: TimeZone(identifier: "UTC")!) == Self.utc("2026-11-23T09:00:00Z"))
        let friday = try DigestSchedule.parse("fri 16:30")
        #expect(friday.due(for: w47, in: self.stockholm) == Self.utc("2026-11-27T15:30:00Z"))
    }

    @Test func followsDaylightSavingTime() throws {
        let schedule = DigestSchedule.standard
        #expect(schedule.due(for: try ISOWeek.parse("2026-W42"), in: self.stockholm) == Self.utc("2026-10-19T07:00:00Z"), "CEST")
        #expect(schedule.due(for: try ISOWeek.parse("2026-W43"), in: self.stockholm) == Self.utc("2026-10-26T08:00:00Z"), "CET")
    }

    @Test func catchesUpOnMissedWeeksButNotBeforeTheFirstRun() throws {
        let schedule = DigestSchedule.standard
        let now = Self.utc("2026-11-23T08:30:00Z")
        let since = Self.utc("2026-11-01T00:00:00Z")
        #expect(schedule.dueWeeks(in: self.stockholm, now: now, since: since).map(\.description) == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"])
        #expect(schedule.dueWeeks(in: self.chicago, now: now, since: since).map(\.description) == ["2026-W44", "2026-W45", "2026-W46"])
        #expect(schedule.dueWeeks(in: self.stockholm, now: now, since: now).isEmpty, "a new install sends nothing old")
        #expect(schedule.dueWeeks(in: self.stockholm, now: now, since: since, limit: 2).map(\.description) == ["2026-W46", "2026-W47"])
        let minuteBefore = Self.utc("2026-11-23T07:59:00Z")
        #expect(schedule.dueWeeks(in: self.stockholm, now: minuteBefore, since: Self.utc("2026-11-20T00:00:00Z")).isEmpty)
    }

    @Test func parsesAndRejectsTheSetting() throws {
        #expect(try DigestSchedule.parse("Mon 09:00") == .standard)
        #expect(try DigestSchedule.parse("sunday 23:59") == DigestSchedule(weekday: 7, hour: 23, minute: 59))
        for bad in ["09:00", "mon 9", "mon 24:00", "funday 09:00", "mon 09:60"] {
            #expect(throws: DigestScheduleError.self, "\(bad)") { try DigestSchedule.parse(bad) }
        }
    }
}
