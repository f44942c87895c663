import DecayCore
import Foundation
import Testing

/// ISO 8601 weeks: vectors at year boundaries (checked with Python's `date.isocalendar`), long years,
/// local time zones and clock changes.
@Suite("ISO weeks")
struct ISOWeekTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func day(_ text: String) -> Date {
        UTCDay.start(of: text)!
    }

    @Test(arguments: [
        ("2021-01-03", "2020-W53"), ("2021-01-04", "2021-W01"), ("2008-12-29", "2009-W01"), ("2010-01-03", "2009-W53"),
        ("2005-01-02", "2004-W53"), ("2025-12-29", "2026-W01"), ("2026-11-15", "2026-W46"), ("2026-11-16", "2026-W47"),
        ("2026-12-28", "2026-W53"), ("2027-01-03", "2026-W53"), ("2027-01-04", "2027-W01"),
    ])
    func containsDaysAcrossYearBoundaries(day: String, week: String) {
        #expect(ISOWeek.containing(Self.day(day).addingTimeInterval(43_200), in: Self.utc).description == week)
    }

    @Test func startsOnMondayMidnight() throws {
        #expect(try ISOWeek.parse("2026-W01").start(in: Self.utc) == Self.day("2025-12-29"))
        #expect(try ISOWeek.parse("2026-W01").start(in: Self.utc).timeIntervalSince1970 == 1_766_966_400)
        #expect(try ISOWeek.parse("2027-W01").start(in: Self.utc).timeIntervalSince1970 == 1_799_020_800)
        #expect(try ISOWeek.parse("2020-W53").start(in: Self.utc) == Self.day("2020-12-28"))
        #expect(try ISOWeek.parse("2020-W53").end(in: Self.utc) == Self.day("2021-01-04"))
        #expect(try ISOWeek.parse("2026-W47").start(in: Self.berlin) == Self.day("2026-11-16").addingTimeInterval(-3_600))
    }

    @Test func longYearsHave53Weeks() throws {
        for year in [2004, 2009, 2015, 2020, 2026, 2032] {
            #expect(ISOWeek.weeks(in: year) == 53, "\(year)")
            #expect(try ISOWeek(year: year, week: 53).description == "\(year)-W53")
        }
        for year in [2021, 2022, 2023, 2024, 2025, 2027] {
            #expect(ISOWeek.weeks(in: year) == 52, "\(year)")
            #expect(throws: ISOWeekError("week 53 does not exist in \(year), which has weeks 1 to 52")) {
                try ISOWeek(year: year, week: 53)
            }
        }
    }

    @Test func stepsAcrossYears() throws {
        #expect(try ISOWeek.parse("2020-W53").next == ISOWeek(year: 2021, week: 1))
        #expect(try ISOWeek.parse("2021-W01").previous == ISOWeek(year: 2020, week: 53))
        #expect(try ISOWeek.parse("2026-W52").next == ISOWeek(year: 2026, week: 53))
        #expect(try ISOWeek.parse("2027-W52").next == ISOWeek(year: 2028, week: 1))
        #expect(try ISOWeek.parse("2026-W47") < ISOWeek.parse("2026-W48"))
        #expect(try ISOWeek.parse("2026-W53") < ISOWeek.parse("2027-W01"))
    }

    /// A local week follows the local calendar: Sunday 23:30 UTC is already Monday in Berlin.
    @Test func followsTheLocalCalendar() {
        let lateSunday = Self.day("2026-11-15").addingTimeInterval(23.5 * 3_600)
        #expect(ISOWeek.containing(lateSunday, in: Self.utc).description == "2026-W46")
        #expect(ISOWeek.containing(lateSunday, in: Self.berlin).description == "2026-W47")
    }

    /// The week with the spring clock change is an hour short, and the next one starts where it ends.
    @Test func clockChangesShortenTheWeek() throws {
        let week = try ISOWeek.parse("2026-W13")
        #expect(week.end(in: Self.berlin).timeIntervalSince(week.start(in: Self.berlin)) == 7 * 86_400 - 3_600)
        #expect(week.next.start(in: Self.berlin) == week.end(in: Self.berlin))
    }

    @Test(arguments: ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Auckland"])
    func startAndEndBracketTheirWeek(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var week = try ISOWeek(year: 2019, week: 50)
        while week.year < 2029 {
            let start = week.start(in: timeZone)
            let end = week.end(in: timeZone)
            #expect(ISOWeek.containing(start, in: timeZone) == week)
            #expect(ISOWeek.containing(end.addingTimeInterval(-1), in: timeZone) == week)
            #expect(week.next.start(in: timeZone) == end)
            #expect(abs(end.timeIntervalSince(start) - 7 * 86_400) <= 3_600)
            week = week.next
        }
    }

    @Test(arguments: [
        ("2026-47", "expected an ISO week like 2026-W47, got '2026-47'"),
        ("26-W47", "expected an ISO week like 2026-W47, got '26-W47'"),
        ("2026-W4", "expected an ISO week like 2026-W47, got '2026-W4'"),
        ("2026-W+1", "expected an ISO week like 2026-W47, got '2026-W+1'"),
        ("2026-W00", "week 0 does not exist in 2026, which has weeks 1 to 53"),
        ("2021-W53", "week 53 does not exist in 2021, which has weeks 1 to 52"),
        ("1066-W10", "year 1066 is outside 1900...9999"),
    ])
    func refusesBadText(text: String, message: String) {
        #expect(throws: ISOWeekError(message)) { try ISOWeek.parse(text) }
    }

    @Test func acceptsLowercaseAndEncodesAsText() throws {
        let week = try ISOWeek.parse("2026-w07")
        #expect(week.description == "2026-W07")
        let data = try JSONEncoder().encode([week])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-W07\"]")
        #expect(try JSONDecoder().decode([ISOWeek].self, from: data) == [week])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ISOWeek].self, from: Data("[\"2021-W53\"]".utf8)) }
    }
}
