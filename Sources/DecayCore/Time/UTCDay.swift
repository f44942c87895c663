import Foundation

/// Calendar days written `YYYY-MM-DD` in UTC, as `--as-of` and `?as_of=` take them.
public enum UTCDay {
    static let seconds: TimeInterval = 86_400

    /// Midnight UTC at the start of the day, or nil when the text is not a date like 2026-11-20.
    public static func start(of text: String) -> Date? {
        self.formatter.date(from: text)
    }

    /// The end of the day (next midnight UTC): reports "as of" a day include everything on it.
    public static func end(of text: String) -> Date? {
        self.start(of: text).map { $0.addingTimeInterval(self.seconds) }
    }

    /// `YYYY-MM-DD` of the UTC day holding `date`, by integer arithmetic (a formatter costs more than the work).
    public static func format(_ date: Date) -> String {
        let (year, month, day) = CivilDay(number: Int((date.timeIntervalSince1970 / self.seconds).rounded(.down))).components
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Midnight UTC today.
    public static func today(now: Date = Date()) -> Date {
        let seconds = now.timeIntervalSince1970
        return Date(timeIntervalSince1970: seconds - seconds.truncatingRemainder(dividingBy: self.seconds))
    }

    private static var formatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
