import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `decay report partners`: engagement per partner (rates, speed, activity, score, rank, Pareto share),
/// the Gini of scores, and a scorecard against targets when `--targets` is given.
struct ReportPartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "How partners engage: response and ack rates, speed direct vs relayed, quiet reps, score and rank.",
        discussion: "Only reps count towards a partner's figures; nothing is shown as a percentage from fewer than 3 reps."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("as-of"), help: "Count activity through the end of this day, YYYY-MM-DD UTC (default: now).")
    var asOf: String?

    @Option(help: "Only partners of this category (e.g. msp).")
    var category: String?

    @Option(help: "Targets file (YAML or JSON, see docs/scoring-engagement.md) for a scorecard.")
    var targets: String?

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    func run() async throws {
        let targets = try self.targets.map { try ScoreTargets.load(contentsOf: URL(fileURLWithPath: $0)) }
        let asOf = try InputRules.asOf(self.asOf, now: Date())
        let report = try await EngagementReports(store: try await self.database.open()).partners(asOf: asOf, category: self.category, targets: targets)
        print(self.json ? try ReportOutput.json(report) : PartnersReportText.render(report))
    }
}
