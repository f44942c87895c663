import Foundation

/// Working days (Monday to Friday) in a person's own time zone: when a nudge falls due and when a post is sent.
public enum WorkingDays {
    /// The hour of the day re-checks and nudges are sent, local time.
    public static let sendHour = 10

    /// `sendHour`:00 local on the first working day whose `sendHour`:00 is after `date`; DST-safe (the calendar picks
    /// the wall-clock time of that day).
    public static func nextSendTime(after date: Date, in timeZone: TimeZone) -> Date {
        let calendar = Self.calendar(timeZone)
        var day = calendar.startOfDay(for: date)
        for _ in 0..<8 {
            if let candidate = calendar.date(bySettingHour: Self.sendHour, minute: 0, second: 0, of: day), candidate > date,
                !calendar.isDateInWeekend(candidate)
            {
                return candidate
            }
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
        }
        return date
    }

    /// `date` moved forward by `count` working days at the same local time (a Saturday start counts from Monday).
    public static func adding(_ count: Int, to date: Date, in timeZone: TimeZone) -> Date {
        let calendar = Self.calendar(timeZone)
        var result = date
        var left = count
        while left > 0 {
            result = calendar.date(byAdding: .day, value: 1, to: result) ?? result.addingTimeInterval(86_400)
            if !calendar.isDateInWeekend(result) { left -= 1 }
        }
        return result
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
