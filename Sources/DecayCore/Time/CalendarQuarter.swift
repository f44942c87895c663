import Foundation

/// A calendar quarter in UTC (`2026-Q4`), the period pulse results are compared over.
public struct CalendarQuarter: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var year: Int
    /// 1...4
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        precondition((1...4).contains(quarter), "a quarter is 1 to 4")
        self.year = year
        self.quarter = quarter
    }

    /// The quarter `date` falls in (UTC).
    public init(containing date: Date) {
        let day = CivilDay(number: Int((date.timeIntervalSince1970 / 86_400).rounded(.down))).components
        self.init(year: day.year, quarter: (day.month - 1) / 3 + 1)
    }

    public var previous: CalendarQuarter {
        self.quarter == 1 ? CalendarQuarter(year: self.year - 1, quarter: 4) : CalendarQuarter(year: self.year, quarter: self.quarter - 1)
    }

    /// First instant of the quarter.
    public var start: Date {
        Date(timeIntervalSince1970: Double(CivilDay(year: self.year, month: (self.quarter - 1) * 3 + 1, day: 1).number) * 86_400)
    }
    /// First instant after the quarter.
    public var end: Date {
        self.quarter == 4 ? CalendarQuarter(year: self.year + 1, quarter: 1).start : CalendarQuarter(year: self.year, quarter: self.quarter + 1).start
    }

    public var description: String { "\(self.year)-Q\(self.quarter)" }
}
