import ArgumentParser
import DecayApp
import DecayCore
import DecayDelivery
import DecayInbound
import DecayStore
import Foundation
import Logging

/// `decay outbox list|retry|deliver`: the posts waiting, delivered or dead, and what to do about them.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List outbound chat posts, retry dead ones, or deliver what is due without the server.",
        subcommands: [List.self, Retry.self, Deliver.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List posts, newest first, with counts per status.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only posts with this status: pending, delivered or dead.")
        var status: OutboxStatus?

        @Option(help: "Most posts to list.")
        var limit: Int = 50

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            let page = try await OutboxListing(store: try await self.database.open()).list(status: self.status, limit: self.limit)
            if self.json {
                print(try ReportOutput.json(page))
                return
            }
            print(OutboxStatus.allCases.map { "\($0.rawValue): \(page.counts[$0.rawValue] ?? 0)" }.joined(separator: "  "))
            let entries = page.items
            guard !entries.isEmpty else { return }
            print(Table.render(
                header: ["id", "kind", "format", "status", "tries", "next / delivered", "last result", "key"],
                rows: entries.map { entry in
                    let when = (entry.status == .pending ? entry.nextAttemptAt : entry.deliveredAt).map(RFC3339.format) ?? "-"
                    let last = [entry.lastStatus.map { "HTTP \($0)" }, entry.lastError].compactMap { $0 }.first ?? "-"
                    return [String(entry.id), entry.kind, entry.format, entry.status.rawValue, String(entry.attempts), when, String(last.prefix(60)), entry.idempotencyKey]
                }
            ))
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a dead (or waiting) post back in the queue with fresh attempts.",
            discussion: "Re-enables the destination if a 410 had disabled it. Delivered posts are never sent again."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Outbox id from `decay outbox list`.")
        var id: Int64

        func run() async throws {
            let entry = try await OutboxListing(store: try await self.database.open()).retry(id: self.id, now: Date())
            print("outbox \(entry.id) (\(entry.idempotencyKey)) is pending again; `decay serve` or `decay outbox deliver` sends it")
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send every post that is due now, then exit (for cron or when the server is not running).",
            discussion: "Do not run it while `decay serve` runs on the same database: one worker per database."
        )

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let database = try await self.database.open()
            let worker = OutboxWorker(database: database, configuration: try DeliverySettings.workerConfiguration(), logger: Logger(label: "decay"))
            try await worker.deliverDue()
            let counts = try await database.outboxCounts()
            print(OutboxStatus.allCases.map { "\($0.rawValue): \(counts[$0] ?? 0)" }.joined(separator: "  "))
        }
    }
}

extension OutboxStatus: ExpressibleByArgument {}
