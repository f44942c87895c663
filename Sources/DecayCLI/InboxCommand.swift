import ArgumentParser
import DecayApp
import DecayCore
import DecayInbound
import DecayStore
import Foundation

/// `decay inbox list|replay`: what arrived over the webhooks, and re-processing of rejected events.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "List inbound events, or replay rejected ones after fixing the directory or content.",
        subcommands: [List.self, Replay.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored inbound events, newest first.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Only events that were rejected (422) and can be replayed.")
        var rejected = false

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @Option(help: "Most events to list.")
        var limit: Int = 50

        func run() async throws {
            let items = try await self.database.open().inbox(rejectedOnly: self.rejected, limit: self.limit)
            if self.json {
                print(try ReportOutput.json(items))
                return
            }
            if items.isEmpty {
                print(self.rejected ? "no rejected events" : "no inbound events")
                return
            }
            print(Table.render(
                header: ["id", "received", "source", "sender id", "status", "problem"],
                rows: items.map { item in
                    [
                        String(item.id), RFC3339.format(item.receivedAt), item.source, item.externalID, item.status,
                        [item.errorField, item.errorMessage].compactMap { $0 }.joined(separator: ": "),
                    ]
                }
            ))
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Process rejected events again (all of them, or the one with ID).",
            discussion: "Accepted events are never processed twice; an event that is still invalid stays rejected."
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var content: ContentOptions

        @Argument(help: "Inbound event id from `decay inbox list`; omit to replay every rejected event.")
        var id: Int64?

        func run() async throws {
            let database = try await self.database.open()
            let catalog = try self.content.load()
            let secrets = try await InboundSecretsLoader.load(database: database, demo: false)
            let results = try await InboxReplay(pipeline: InboundPipeline(database: database, catalog: catalog, secrets: secrets)).replay(self.id)
            if results.isEmpty { print("no rejected events to replay") }
            var stillRejected = 0
            for (id, outcome) in results {
                if let error = outcome.error {
                    stillRejected += 1
                    print("\(id): still rejected: \(error)")
                } else {
                    print("\(id): accepted")
                }
            }
            if stillRejected > 0 { throw ExitCode(1) }
        }
    }
}
