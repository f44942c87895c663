import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `decay report pulse`: the pulse surveys' answers per category, tier and partner, this quarter against the last.
struct ReportPulseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pulse",
        abstract: "Pulse surveys: each scale and choice question per category, tier and partner, this quarter vs the last.",
        discussion: "Each person counts once per question and quarter (their latest answer); nothing is shown from fewer than 3 people."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .customLong("as-of"), help: "Count answers through the end of this day, YYYY-MM-DD UTC (default: now).")
    var asOf: String?

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    func run() async throws {
        let asOf = try InputRules.asOf(self.asOf, now: Date())
        let catalog = try self.content.load()
        let report = try await PulseReports(store: try await self.database.open(), catalog: catalog).report(asOf: asOf)
        print(self.json ? try ReportOutput.json(report) : PulseReportText.render(report))
    }
}
