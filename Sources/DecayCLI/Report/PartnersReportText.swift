import DecayCore
import DecayInbound
import Foundation

/// The partners report as terminal tables: one line per partner, the channel summary, and the scorecard.
enum PartnersReportText {
    static func render(_ report: PartnersReport) -> String {
        guard !report.partners.isEmpty else {
            return report.category.map { "no partners in category '\($0)'" } ?? "no partners"
        }
        let table = Table.render(
            header: [
                "partner", "name", "category", "tier", "reps", "response", "ack", "recall", "ack h direct", "ack h relayed",
                "active", "quiet", "score", "rank", "top-3",
            ],
            rows: report.partners.map { line in
                [
                    line.id, line.name, line.category, line.tier, String(line.people), line.responseRate.text, line.ackRate.text,
                    line.recall.text, Self.hours(line.directAckHours), Self.hours(line.relayedAckHours), line.activeShare.text,
                    String(line.quietReps.count), line.score.map { String(format: "%.1f", $0) } ?? "-",
                    line.rankInCategory.map(String.init) ?? "-", line.topShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "-",
                ]
            }
        )
        let overall = report.overall
        var text = [
            "Partners as of \(RFC3339.format(report.asOf))" + (report.category.map { " (category \($0))" } ?? ""),
            "",
            table,
            "",
            "\(overall.partners) partners, \(overall.people) reps, \(overall.scoredPartners) scored; "
                + "median score \(overall.medianScore.map { String(format: "%.1f", $0) } ?? "-"), "
                + "Gini of scores \(overall.scoreGini.map { String(format: "%.3f", $0) } ?? "-")",
        ]
        if let met = overall.targetsMet, let missed = overall.targetsMissed, let unknown = overall.targetsUnknown {
            text += ["", "Scorecard: \(met) met, \(missed) missed, \(unknown) without data", "", Self.scorecard(report)]
        }
        return text.joined(separator: "\n")
    }

    static func scorecard(_ report: PartnersReport) -> String {
        let rows = report.partners.flatMap { line in
            (line.scorecard ?? []).map { entry in
                [
                    line.id, entry.metric.rawValue, Self.value(entry.target, entry.metric), entry.actual.map { Self.value($0, entry.metric) } ?? "n<3",
                    entry.gap.map { Self.value($0, entry.metric) } ?? "-", entry.met.map { $0 ? "met" : "missed" } ?? "-",
                ]
            }
        }
        return Table.render(header: ["partner", "metric", "target", "actual", "gap", "status"], rows: rows)
    }

    /// A metric value in its unit: shares as percentages, hours and scores with one decimal.
    static func value(_ value: Double, _ metric: Metric) -> String {
        switch metric {
        case .responseRate, .ackRate, .recall, .activeShare: "\(Int((value * 100).rounded()))%"
        case .medianAckHours, .score: String(format: "%.1f", value)
        }
    }

    static func hours(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "n<3"
    }
}
