import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `decay report person ID`: what reached one person, what they acked and answered, and their engagement.
struct ReportPersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "One person: deliveries (route, ack), responses with quiz correctness per key point, engagement."
    )

    @Argument(help: "Person id, e.g. rep-0042.")
    var id: String

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("as-of"), help: "Count activity through the end of this day, YYYY-MM-DD UTC (default: now).")
    var asOf: String?

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    func run() async throws {
        let asOf = try InputRules.asOf(self.asOf, now: Date())
        let report = try await EngagementReports(store: try await self.database.open()).person(self.id, asOf: asOf)
        print(self.json ? try ReportOutput.json(report) : PersonReportText.render(report))
    }
}
