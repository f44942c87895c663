import ArgumentParser
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

    @Option(help: "Bootstrap resamples for the intervals (more is slower and steadier).")
    var resamples: Int = 200

    func validate() throws {
        if !(0...5000).contains(self.resamples) { throw ValidationError("--resamples must be from 0 to 5000") }
    }

    func run() async throws {
        let catalog = try self.content.load()
        guard let message = catalog.messages[self.id] else {
            throw CLIError("unknown message '\(self.id)' (known: \(catalog.sortedMessages.map(\.id).joined(separator: ", ")))")
        }
        let database = try await self.database.open()
        try await database.backfillFreeTextPoints(catalog: catalog)
        let surveys = catalog.surveys(forMessage: message.id)
        let input = try await database.messageReportInput(message: message, surveys: surveys)
        let builder = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: self.resamples, seed: 1))
        let report = await OffPool.run { builder.build(message: message, surveys: surveys, input: input) }
        if self.json {
            print(try ReportOutput.json(report))
        } else {
            print(MessageReportText.render(report))
        }
    }
}
