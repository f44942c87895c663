import DecayCore
import DecayInbound
import Foundation

/// The pulse report as terminal tables: per question, everyone, then each category, tier and partner.
enum PulseReportText {
    static func render(_ report: PulseReport) -> String {
        var lines = ["Pulse surveys, \(report.quarter) (through \(RFC3339.format(report.asOf))) against \(report.previousQuarter)"]
        if report.surveys.isEmpty { lines.append("no pulse surveys (surveys without a message)") }
        for survey in report.surveys {
            lines += ["", "\(survey.title) (\(survey.id))"]
            for question in survey.questions {
                lines += ["", "\(question.id): \(question.prompt)", Self.table(question)]
            }
            if !survey.comments.isEmpty {
                lines += ["", "Free-text answers this quarter (\(survey.comments.count)):"]
                lines += survey.comments.map { "- \($0.partnerName): \($0.text)" }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ question: PulseQuestion) -> String {
        let groups = [("all", question.overall)] + question.categories.map { ("category", $0) } + question.tiers.map { ("tier", $0) }
            + question.partners.map { ("partner", $0) }
        if question.kind == "scale" {
            return Table.render(
                header: ["group", "name", "people", "mean (95%)", "last quarter", "change"],
                rows: groups.map { kind, group in
                    [kind, group.name, String(group.people), Self.mean(group.mean), Self.mean(group.previousMean),
                     group.meanChange.map { String(format: "%+.1f", $0) } ?? "-"]
                })
        }
        return Table.render(
            header: ["group", "name", "people"] + question.options.map(\.id),
            rows: groups.map { kind, group in
                [kind, group.name, String(group.people)] + question.options.map { option in
                    guard let share = group.shares?.first(where: { $0.option == option.id }) else { return "n<3" }
                    let change = share.change.map { String(format: " %+d", Int(($0 * 100).rounded())) } ?? ""
                    return share.share.rate.map { "\(Int(($0 * 100).rounded()))%\(change)" } ?? "n<3"
                }
            })
    }

    static func mean(_ figure: MeanFigure?) -> String {
        guard let figure, let mean = figure.mean, let low = figure.low, let high = figure.high else { return "n<3" }
        return String(format: "%.1f (%.1f-%.1f)", mean, low, high)
    }
}
