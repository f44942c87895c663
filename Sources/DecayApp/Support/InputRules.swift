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

    /// How many relays a report page may list when not `all`, and how far it may skip.
    public static let relaysLimit = 0...10_000
    public static let relaysOffset = 0...10_000_000

    /// The relays page of a message report: `limit` a whole number in ``relaysLimit`` or `all` (default 20),
    /// `offset` a whole number in ``relaysOffset`` (default 0). `fields` names them as the caller spells them.
    public static func relayPage(
        limit: String?, offset: String?, fields: (limit: String, offset: String) = ("relays_limit", "relays_offset")
    ) throws(UseCaseError) -> RelayPage {
        let skip = try self.count(offset, field: fields.offset, in: self.relaysOffset, default: 0)
        guard let limit, !limit.isEmpty else { return RelayPage(offset: skip, limit: RelayPage.worst.limit) }
        if limit == "all" { return RelayPage(offset: skip, limit: nil) }
        guard let value = Int(limit), self.relaysLimit.contains(value) else {
            throw .invalid(
                "\(fields.limit) must be 'all' or a whole number from \(self.relaysLimit.lowerBound) to \(self.relaysLimit.upperBound), got '\(limit)'",
                field: fields.limit)
        }
        return RelayPage(offset: skip, limit: value)
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
