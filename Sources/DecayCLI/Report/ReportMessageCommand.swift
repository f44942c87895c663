import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `decay report message ID`: per key point, who still knows it, how fast it decays, and what relays lose.
struct ReportMessageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "How one message decays: recall per key point, half-life, spreading wrong answers, relay loss."
    )

    @Argument(help: "Message id (a file in the messages folder).")
    var id: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Option(help: "Bootstrap resamples for the intervals, \(InputRules.resamples.lowerBound) to \(InputRules.resamples.upperBound) (default \(InputRules.defaultResamples); more is slower and steadier).")
    var resamples: Int?

    @Option(help: "Relays to list, worst first: a number or 'all' (default 20).")
    var relays: String?

    @Option(help: "Worse relays to skip before the listed ones (default 0), for paging.")
    var relaysOffset: String?

    @Option(help: "Also write every relay with its verdict per key point to this CSV file ('-' for standard output, instead of the report).")
    var relaysCsv: String?

    func validate() throws {
        try CLIInput.check {
            _ = try InputRules.resamples(self.resamples)
            _ = try self.relayPage()
        }
    }

    private func relayPage() throws(UseCaseError) -> RelayPage {
        try InputRules.relayPage(limit: self.relays, offset: self.relaysOffset, fields: ("relays", "relays_offset"))
    }

    func run() async throws {
        let catalog = try self.content.load()
        let database = try await self.database.open()
        let reports = MessageReports(store: database, catalog: catalog)
        if let path = self.relaysCsv {
            let csv = try await reports.relaysCSV(message: self.id)
            if path == "-" {
                print(csv, terminator: "")
                return
            }
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let report = try await reports.report(message: self.id, resamples: self.resamples, relays: try self.relayPage())
        if self.json {
            print(try ReportOutput.json(report))
        } else {
            print(MessageReportText.render(report))
        }
    }
}
