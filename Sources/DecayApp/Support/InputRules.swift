import DecayCore
import Foundation

/// The ranges and formats every front end accepts, checked in one place so the CLI and the API agree.
public enum InputRules {
    /// Bootstrap refits behind an interval: more is slower and steadier.
    public static let resamples = 0...2000
    public static let defaultResamples = 200

    /// Checks `resamples`, or gives the default when absent.
    public static func resamples(_ value: Int?) throws(UseCaseError) -> Int {
        guard let value else { return self.defaultResamples }
        guard self.resamples.contains(value) else {
            throw .invalid("resamples must be a whole number from \(self.resamples.lowerBound) to \(self.resamples.upperBound), got \(value)", field: "resamples")
        }
        return value
    }

    /// `YYYY-MM-DD` means through the end of that day (UTC); absent means `now`.
    public static func asOf(_ text: String?, now: Date) throws(UseCaseError) -> Date {
        guard let text, !text.isEmpty else { return now }
        guard let end = UTCDay.end(of: text) else { throw .invalid("as_of must be a date like 2026-11-20, got '\(text)'", field: "as_of") }
        return end
    }

    /// An ISO week like `2026-W47`, or nil when absent.
    public static func week(_ text: String?) throws(UseCaseError) -> ISOWeek? {
        guard let text, !text.isEmpty else { return nil }
        do {
            return try ISOWeek.parse(text)
        } catch {
            throw .invalid("\(error)", field: "week")
        }
    }

    /// A chat format name, or nil when absent.
    public static func format(_ text: String?) throws(UseCaseError) -> ChatFormat? {
        guard let text, !text.isEmpty else { return nil }
        guard let format = ChatFormat(rawValue: text) else {
            throw .invalid("format must be one of \(ChatFormat.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'", field: "format")
        }
        return format
    }

    /// A whole number within `range`, or `fallback` when absent.
    public static func count(_ text: String?, field: String, in range: ClosedRange<Int>, default fallback: Int) throws(UseCaseError) -> Int {
        guard let text, !text.isEmpty else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .invalid("\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'", field: field)
        }
        return value
    }
}
