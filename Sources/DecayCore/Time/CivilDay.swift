import Foundation

/// A calendar day as a day number (days since 1970-01-01, proleptic Gregorian), so week arithmetic is
/// plain integer arithmetic; only the conversions to and from instants consult a time zone.
struct CivilDay: Sendable, Equatable {
    let number: Int

    init(number: Int) {
        self.number = number
    }

    /// Days from civil (Howard Hinnant's algorithm), valid for every Gregorian date.
    init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.number = era * 146_097 + dayOfEra - 719_468
    }

    /// The local calendar day of `date` in `timeZone`.
    init(_ date: Date, in timeZone: TimeZone) {
        let parts = Self.calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
    var weekday: Int {
        ((self.number + 3) % 7 + 7) % 7
    }

    /// Year, month and day (civil from days, the inverse of `init(year:month:day:)`).
    var components: (year: Int, month: Int, day: Int) {
        let z = self.number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    var year: Int { self.components.year }

    /// Local midnight at the start of this day; where a clock change skips midnight, the first instant after it.
    func start(in timeZone: TimeZone) -> Date {
        let (year, month, day) = self.components
        let parts = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        return Self.calendar(timeZone).date(from: parts) ?? Date(timeIntervalSince1970: Double(self.number) * 86_400)
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
