import ArgumentParser
import DecayApp
import DecayCore
import DecayInbound
import DecayStore
import Foundation

/// `decay recheck`: who is due a re-check, for which key points, when, and why.
struct RecheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "List the reps due a re-check: key points, send time, predicted recall now and at the send time.",
        discussion: """
            A rep is due when a key point's predicted recall (the message's curve and the rep's own answers, see
            docs/forgetting-model.md) falls below the message's `recheck:` target by 10:00 on their next working day.
            One message per rep, the most decayed; at most `questions` key points, the weakest, each with a quiz
            question not answered right in the last `min_days`.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .customLong("as-of"), help: "Plan as of this time: YYYY-MM-DD (end of that day, UTC) or an RFC 3339 time (default: now).")
    var asOf: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let asOf: Date
        if let text = self.asOf, let instant = RFC3339.parse(text) {
            asOf = instant
        } else {
            asOf = try InputRules.asOf(self.asOf, now: Date())
        }
        let plan = try await RecheckPlanning(store: try await self.database.open(), catalog: try self.content.load()).plan(asOf: asOf)
        print(self.json ? try ReportOutput.json(plan) : Self.render(plan))
    }

    static func render(_ plan: RecheckPlan) -> String {
        var lines = ["Re-checks due as of \(RFC3339.format(plan.asOf)): \(plan.due.count) reps", plan.model]
        for (message, reason) in plan.skipped.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped \(message): \(reason)")
        }
        guard !plan.due.isEmpty else { return lines.joined(separator: "\n") }
        lines.append("")
        lines.append(Table.render(
            header: ["person", "name", "partner", "message", "send at (local)", "key points: recall now -> at send", "question"],
            rows: plan.due.map { due in
                [
                    due.person, due.name, due.partner ?? "-", due.message, Self.local(due.sendAt, due.timezone),
                    due.points.map { String(format: "%@ %.0f%% -> %.0f%%", $0.keyPoint, $0.recallNow * 100, $0.recallAtSend * 100) }
                        .joined(separator: ", "),
                    due.points.map { "\($0.survey).\($0.question)" }.joined(separator: ", "),
                ]
            }
        ))
        return lines.joined(separator: "\n")
    }

    static func local(_ date: Date, _ timezone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timezone)
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm"
        return formatter.string(from: date) + " " + timezone
    }
}
