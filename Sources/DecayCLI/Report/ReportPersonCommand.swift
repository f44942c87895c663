import ArgumentParser
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

    func validate() throws {
        if let asOf, UTCDay.end(of: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2026-11-20, got '\(asOf)'")
        }
    }

    func run() async throws {
        let database = try await self.database.open()
        let asOf = self.asOf.flatMap(UTCDay.end(of:)) ?? Date()
        guard let activity = try await database.personActivity(self.id, asOf: asOf) else {
            throw CLIError("unknown person '\(self.id)'")
        }
        let report = PersonReport(activity: activity)
        print(self.json ? try ReportOutput.json(report) : PersonReportText.render(report))
    }
}
