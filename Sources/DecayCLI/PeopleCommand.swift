import ArgumentParser
import DecayApp
import DecayCore
import Foundation

/// `decay people erase ID`: a data-subject erasure, the same as `DELETE /api/people/{id}`.
struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Personal data: erase a person and everything about them.",
        subcommands: [Erase.self]
    )

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a person, their deliveries, responses, answers, outcomes, relays and the raw requests that name them.",
            discussion: "One transaction; reports afterwards read as if the person had never been in the channel."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Person id, e.g. rep-0042.")
        var id: String

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() async throws {
            let report = try await PersonErasure(store: try await self.database.open()).erase(self.id)
            if self.json {
                print(try ReportOutput.json(report))
                return
            }
            let removed = report.removed
            print("erased \(report.person): \(removed.deliveries) deliveries, \(removed.responses) responses, \(removed.answers) answers, "
                + "\(removed.quizOutcomes) quiz outcomes, \(removed.freeTextPoints) free-text statuses, \(removed.relays) relays, "
                + "\(removed.relayRecipients) relay recipients, \(removed.inboundEvents) raw inbound requests, \(removed.contacts) planned re-checks, "
                + "\(removed.sessions) dashboard sessions")
        }
    }
}
