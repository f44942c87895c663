import DecayCore
import Foundation

/// How digest numbers and dates read in chat: `62% (52–71%)`, `▲ 3 pts`, `5.2 h`, `16–22 Nov 2026`.
enum DigestText {
    /// A share as a whole percentage.
    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// Hours with one decimal, or `n<3` where the display rule hides the median.
    static func hours(_ hours: Double?) -> String {
        hours.map { String(format: "%.1f h", $0) } ?? Proportion.tooFewText
    }

    /// The move since last week in the metric's unit (`▲ 3 pts`, `▼ 1.5 h`, `▲ 4`), or nil when either week has no value.
    static func change(_ change: MetricChange?) -> String? {
        guard let change, let delta = change.delta else { return nil }
        let size: String
        switch change.metric {
        case .medianAckHours: size = String(format: "%.1f h", abs(delta))
        case .score: size = String(format: "%.0f", abs(delta))
        default: size = self.count(Int((abs(delta) * 100).rounded()), "pt")
        }
        if size == "0 pts" || size == "0" || size == "0.0 h" { return "±0" }
        return (delta > 0 ? "▲ " : "▼ ") + size
    }

    /// A half-life or retention with its interval in the same unit (`28 days (20–43 days)`, `68% (59–81%)`),
    /// or why it is not shown.
    static func estimate(_ estimate: MessageReport.Estimate, percent: Bool = false) -> String {
        let number = { (value: Double) in percent ? "\(Int((value * 100).rounded()))" : String(format: "%.0f", value) }
        let unit = percent ? "%" : " days"
        guard let value = estimate.value else { return "not shown: " + TextBudget.clip(estimate.note, limit: 120) }
        guard let low = estimate.low, let high = estimate.high else { return number(value) + unit }
        return "\(number(value))\(unit) (\(number(low))–\(number(high))\(unit))"
    }

    /// A calendar day in the digest's time zone, e.g. `23 Nov 2026`.
    static func day(_ date: Date, in timeZone: TimeZone) -> String {
        self.formatter("d MMM yyyy", timeZone).string(from: date)
    }

    /// The week's Monday to Sunday in the manager's zone: `16–22 Nov 2026 (Europe/Berlin)`.
    static func period(_ period: Digest.Period) -> String {
        let timeZone = TimeZone(identifier: period.timeZone) ?? .gmt
        let last = period.end.addingTimeInterval(-1)
        return "\(self.formatter("d MMM", timeZone).string(from: period.start))–\(self.day(last, in: timeZone)) (\(period.timeZone))"
    }

    static func role(_ role: Role) -> String {
        switch role {
        case .rep: "rep"
        case .partnerManager: "partner manager"
        case .channelManager: "channel manager"
        }
    }

    /// `1 rep`, `2 reps`, `3 people`: the count with the noun in the right number.
    static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }

    private static func formatter(_ format: String, _ timeZone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        return formatter
    }
}
