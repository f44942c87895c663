import DecayCore
import Foundation
import Hummingbird

/// How pages print numbers: shares as whole percentages (the figure's own text keeps its interval and the n<3
/// rule), days and hours with one decimal, a dash where there is no value.
enum PageFormat {
    static func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    static func number(_ value: Double?, digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    /// A scorecard value in its metric's unit: shares as whole percent, hours with one decimal, the score whole.
    static func metric(_ value: Double, _ metric: Metric) -> String {
        switch metric {
        case .medianAckHours: "\(self.number(value)) h"
        case .score: "\(Int(value.rounded()))"
        case .responseRate, .ackRate, .recall, .activeShare: self.percent(value)
        }
    }

    /// A gap to a target in the metric's unit, signed like the gap itself even when it rounds to nothing, so it agrees
    /// with met or missed: `+15 pts`, `-2 pts`, `+19.8 h`, `-0 pts` (short by less than half a point), `0 pts`.
    static func gap(_ value: Double, _ metric: Metric) -> String {
        let magnitude: Double
        let text: String
        switch metric {
        case .medianAckHours:
            magnitude = (abs(value) * 10).rounded() / 10
            text = "\(self.number(magnitude)) h"
        case .score:
            magnitude = abs(value).rounded()
            text = "\(Int(magnitude))"
        case .responseRate, .ackRate, .recall, .activeShare:
            magnitude = (abs(value) * 100).rounded()
            text = "\(Int(magnitude)) pts"
        }
        return value == 0 ? text : (value < 0 ? "-" : "+") + text
    }

    static func date(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601.year().month().day().dateSeparator(.dash)) } ?? "–"
    }

    static func dateTime(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601) } ?? "–"
    }

    /// A moment to the minute as a person reads it, `2026-09-13 02:06 UTC`.
    static func minute(_ date: Date?) -> String {
        guard let date else { return "–" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// A count with its noun, singular or plural: `1 hop`, `2 hops`, `3 people`.
    static func count(_ value: Int, _ singular: String, plural: String? = nil) -> String {
        "\(value.formatted()) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// The pages' one phrase for a figure withheld under the 3-people rule.
    static let withheld = "fewer than 3 people"

    /// A figure's text, or ``withheld`` where the rule hides its rate (the API's text says `n<3` there).
    static func shown(_ text: String, rate: Double?) -> String {
        rate == nil ? Self.withheld : text
    }

    /// A share figure's text and a mark: below 50% is `bad`, n<3 `muted`.
    static func share(_ figure: ShareFigure) -> PageCell {
        PageCell(figure.text, numeric: true, mark: figure.rate == nil ? "muted" : (figure.rate ?? 0) < 0.5 ? "bad" : nil)
    }

    /// The change between two shares in percentage points, only when both may be shown.
    static func change(_ now: ShareFigure, _ before: ShareFigure) -> String {
        guard let a = now.rate, let b = before.rate else { return "no change shown (fewer than 3 people)" }
        let points = Int(((a - b) * 100).rounded())
        return points == 0 ? "same as last week" : "\(points > 0 ? "+" : "")\(points) pts on last week"
    }

    static func path(_ parts: String...) -> String {
        "/" + parts.map(DashboardRenderer.encode).joined(separator: "/")
    }
}

extension AppRequestContext {
    /// The signed-in session; the gate has checked there is one.
    var dashboard: DashboardSession {
        get throws {
            guard let session = self.sessions.session else {
                throw AppError(.forbidden, code: "forbidden", message: "sign in first", field: "session")
            }
            return session
        }
    }
}
