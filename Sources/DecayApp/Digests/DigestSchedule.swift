import DecayCore
import Foundation

/// When weekly digests go out: a weekday and local time in each manager's own timezone, for the ISO week that
/// just ended (default Monday 09:00, so a manager starts the week with last week's numbers).
public struct DigestSchedule: Sendable, Equatable, CustomStringConvertible {
    /// ISO weekday, 1 = Monday ... 7 = Sunday, of the week after the one reported.
    public var weekday: Int
    public var hour: Int
    public var minute: Int

    public static let standard = DigestSchedule(weekday: 1, hour: 9, minute: 0)
    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public init(weekday: Int, hour: Int, minute: Int) {
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
    }

    /// Parses `DECAY_DIGEST_AT`, e.g. `mon 09:00` or `fri 16:30`.
    public static func parse(_ text: String) throws(DigestScheduleError) -> DigestSchedule {
        let parts = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        let time = parts.count == 2 ? parts[1].split(separator: ":") : []
        guard parts.count == 2, let day = Self.dayNames.firstIndex(of: String(parts[0].prefix(3))), time.count == 2,
              let hour = Int(time[0]), let minute = Int(time[1]), (0...23).contains(hour), (0...59).contains(minute)
        else {
            throw DigestScheduleError(text: text)
        }
        return DigestSchedule(weekday: day + 1, hour: hour, minute: minute)
    }

    /// For people: "on Mondays at 09:00".
    public var spelledOut: String {
        let days = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
        return String(format: "on %@ at %02d:%02d", days[self.weekday - 1], self.hour, self.minute)
    }

    public var description: String {
        String(format: "%@ %02d:%02d", Self.dayNames[self.weekday - 1], self.hour, self.minute)
    }

    /// When the digest for `week` falls due in `timeZone` (wall-clock time, so DST shifts are respected).
    public func due(for week: ISOWeek, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let monday = week.next.start(in: timeZone)
        let day = calendar.date(byAdding: .day, value: self.weekday - 1, to: monday) ?? monday
        return calendar.date(bySettingHour: self.hour, minute: self.minute, second: 0, of: day) ?? day
    }

    /// Weeks whose digest is due by `now` and fell due after `since` (when the scheduler first ran, so a new
    /// install does not send old weeks), oldest first, at most `limit` of the most recent: the catch-up after downtime.
    public func dueWeeks(in timeZone: TimeZone, now: Date, since: Date, limit: Int = 4) -> [ISOWeek] {
        var weeks: [ISOWeek] = []
        var week = ISOWeek.containing(now, in: timeZone)
        for _ in 0..<(limit + 2) {
            let due = self.due(for: week, in: timeZone)
            if due <= since { break }
            if due <= now { weeks.append(week) }
            if weeks.count == limit { break }
            week = week.previous
        }
        return weeks.reversed()
    }
}

public struct DigestScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String

    public var description: String {
        "DECAY_DIGEST_AT: '\(self.text)' is not a weekday and 24-hour local time like 'mon 09:00'"
    }
}
