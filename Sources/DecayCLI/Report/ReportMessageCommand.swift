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

    func validate() throws {
        try CLIInput.check { _ = try InputRules.resamples(self.resamples) }
    }

    func run() async throws {
        let catalog = try self.content.load()
        let database = try await self.database.open()
        let report = try await MessageReports(store: database, catalog: catalog).report(message: self.id, resamples: self.resamples)
        if self.json {
            print(try ReportOutput.json(report))
        } else {
            print(MessageReportText.render(report))
        }
    }
}
