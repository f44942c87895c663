import Foundation

/// The partners and pulse reports as CSV, for a spreadsheet: the same figures as the JSON, withheld ones empty.
public enum ReportCSV {
    /// One row per partner.
    public static func partners(_ report: PartnersReport) -> String {
        CSVTable.render(
            header: [
                "partner", "name", "category", "tier", "reps", "response_rate", "ack_rate", "recall", "active_share",
                "median_ack_hours", "direct_ack_hours", "relayed_ack_hours", "quiet_reps", "score", "rank_in_category", "top_share",
            ],
            rows: report.partners.map { line in
                [
                    line.id, line.name, line.category, line.tier, String(line.people), CSVTable.number(line.responseRate.rate),
                    CSVTable.number(line.ackRate.rate), CSVTable.number(line.recall.rate), CSVTable.number(line.activeShare.rate),
                    CSVTable.number(line.medianAckHours, digits: 2), CSVTable.number(line.directAckHours, digits: 2),
                    CSVTable.number(line.relayedAckHours, digits: 2), String(line.quietReps.count), CSVTable.number(line.score, digits: 2),
                    line.rankInCategory.map(String.init) ?? "", CSVTable.number(line.topShare),
                ]
            })
    }

    /// Long format: one row per survey, question, group and figure (`mean`, or `share:OPTION`).
    public static func pulse(_ report: PulseReport) -> String {
        var rows: [[String]] = []
        for survey in report.surveys {
            for question in survey.questions {
                let groups = [("all", question.overall)] + question.categories.map { ("category", $0) }
                    + question.tiers.map { ("tier", $0) } + question.partners.map { ("partner", $0) }
                for (kind, group) in groups {
                    let head = [survey.id, question.id, kind, group.id, group.name, String(group.people), String(group.previousPeople), group.withheld ?? ""]
                    if question.kind == "scale" {
                        rows.append(head + [
                            "mean", CSVTable.number(group.mean?.mean), CSVTable.number(group.mean?.low), CSVTable.number(group.mean?.high),
                            CSVTable.number(group.previousMean?.mean), CSVTable.number(group.meanChange),
                        ])
                    } else {
                        for option in question.options {
                            let share = group.shares?.first { $0.option == option.id }
                            rows.append(head + [
                                "share:\(option.id)", CSVTable.number(share?.share.rate), CSVTable.number(share?.share.low),
                                CSVTable.number(share?.share.high), CSVTable.number(share?.previous?.rate), CSVTable.number(share?.change),
                            ])
                        }
                    }
                }
            }
        }
        return CSVTable.render(
            header: ["survey", "question", "group", "group_id", "group_name", "people", "previous_people", "withheld",
                     "figure", "value", "low", "high", "previous", "change"],
            rows: rows)
    }
}
