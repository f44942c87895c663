import Foundation

/// An ISO 8601 week (`2026-W47`): weeks start on Monday and week 1 holds the year's first Thursday,
/// so a week belongs to one year and digests have one idempotency key per manager and week.
///
///     let week = try ISOWeek.parse("2026-W01")
///     week.start(in: TimeZone(identifier: "Europe/Berlin")!)   // Monday 2025-12-29 00:00 in Berlin
public struct ISOWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// Years outside this range are refused: they are typos, not digests.
    public static let years = 1900...9999

    /// Throws when the year is outside `years` or the week is outside 1...52 (1...53 in a long year).
    public init(year: Int, week: Int) throws {
        guard Self.years.contains(year) else {
            throw ISOWeekError("year \(year) is outside \(Self.years.lowerBound)...\(Self.years.upperBound)")
        }
        let weeks = Self.weeks(in: year)
        guard (1...weeks).contains(week) else {
            throw ISOWeekError("week \(week) does not exist in \(year), which has weeks 1 to \(weeks)")
        }
        self.init(checkedYear: year, week: week)
    }

    private init(checkedYear year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Reads `YYYY-Www` (e.g. `2026-W47`; a lowercase `w` is accepted).
    public static func parse(_ text: String) throws -> ISOWeek {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
            parts[0].allSatisfy(\.isASCIIDigit), parts[1].dropFirst().allSatisfy(\.isASCIIDigit),
            let year = Int(parts[0]), let week = Int(parts[1].dropFirst())
        else {
            throw ISOWeekError("expected an ISO week like 2026-W47, got '\(text)'")
        }
        return try ISOWeek(year: year, week: week)
    }

    /// The ISO week that holds `date` on the calendar of `timeZone`.
    public static func containing(_ date: Date, in timeZone: TimeZone) -> ISOWeek {
        let day = CivilDay(date, in: timeZone)
        let thursday = day.number - day.weekday + 3
        let year = CivilDay(number: thursday).year
        let week = (thursday - CivilDay(year: year, month: 1, day: 1).number) / 7 + 1
        return ISOWeek(checkedYear: year, week: week)
    }

    /// 52, or 53 in a long year (one whose 28 December falls in week 53).
    public static func weeks(in year: Int) -> Int {
        let december28 = CivilDay(year: year, month: 12, day: 28)
        return (december28.number - Self.mondayOfWeek1(year)) / 7 + 1
    }

    /// Monday 00:00 of this week on the calendar of `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        CivilDay(number: self.mondayNumber).start(in: timeZone)
    }

    /// The next Monday 00:00 in `timeZone`: the week covers `start ..< end`.
    public func end(in timeZone: TimeZone) -> Date {
        CivilDay(number: self.mondayNumber + 7).start(in: timeZone)
    }

    public var next: ISOWeek {
        self.week < Self.weeks(in: self.year) ? ISOWeek(checkedYear: self.year, week: self.week + 1) : ISOWeek(checkedYear: self.year + 1, week: 1)
    }

    public var previous: ISOWeek {
        self.week > 1 ? ISOWeek(checkedYear: self.year, week: self.week - 1)
            : ISOWeek(checkedYear: self.year - 1, week: Self.weeks(in: self.year - 1))
    }

    public var description: String {
        String(format: "%04d-W%02d", self.year, self.week)
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }

    /// Encoded as its text, `"2026-W47"`.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Self.parse(text)
        } catch let error as ISOWeekError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }

    private var mondayNumber: Int {
        Self.mondayOfWeek1(self.year) + (self.week - 1) * 7
    }

    /// Day number of the Monday of week 1: the Monday on or before 4 January.
    private static func mondayOfWeek1(_ year: Int) -> Int {
        let january4 = CivilDay(year: year, month: 1, day: 4)
        return january4.number - january4.weekday
    }
}

/// Why a week was refused, in words that name what was expected.
public struct ISOWeekError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
