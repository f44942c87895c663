import DecayCore
import DecayInbound
import Foundation

/// The person report as terminal text: who, engagement counts, deliveries, and recall per key point.
enum PersonReportText {
    static func render(_ report: PersonReport) -> String {
        let person = report.person
        let engagement = report.engagement
        let partner = person.partner.map { " at \(person.partnerName ?? $0) (\($0)\(person.category.map { ", \($0)" } ?? ""))" } ?? ""
        var lines = [
            "\(person.name) (\(person.id)), \(person.role.rawValue)\(partner)"
                + (person.reportsTo.map { ", reports to \($0)" } ?? ""),
            "As of \(RFC3339.format(report.asOf)): \(engagement.delivered) delivered, \(engagement.acked) acked, "
                + "\(engagement.responded) answered; median time to ack "
                + (engagement.medianAckHours.map { String(format: "%.1f h", $0) } ?? "-")
                + "; usual route \(engagement.hops == 0 ? "direct" : "\(engagement.hops) hop(s)")",
            "Quiz: \(engagement.quizCorrect) of \(engagement.quizAnswers) correct; last active "
                + (engagement.lastActivity.map(RFC3339.format) ?? "never") + (engagement.active ? " (active)" : " (quiet)"),
            "",
        ]
        if report.deliveries.isEmpty {
            lines.append("no deliveries")
        } else {
            lines.append(Table.render(
                header: ["message", "version", "hops", "via", "delivered", "acked"],
                rows: report.deliveries.map {
                    [
                        $0.message, String($0.version), String($0.hops), $0.via ?? "-", RFC3339.format($0.deliveredAt),
                        $0.ackedAt.map(RFC3339.format) ?? "-",
                    ]
                }
            ))
        }
        lines.append("")
        lines.append("\(report.responses.count) response(s)")
        if !report.keyPoints.isEmpty {
            lines.append("")
            lines.append(Table.render(
                header: ["message", "key point", "correct", "answers", "latest"],
                rows: report.keyPoints.map {
                    [$0.message ?? "-", $0.keyPoint, String($0.correct), String($0.answers), $0.latestCorrect ? "correct" : "wrong"]
                }
            ))
        }
        return lines.joined(separator: "\n")
    }
}
