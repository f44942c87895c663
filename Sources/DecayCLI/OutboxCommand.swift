import ArgumentParser
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
            let database = try await self.database.open()
            let entries = try await database.outbox(status: self.status, limit: self.limit)
            if self.json {
                print(try ReportOutput.json(entries.map(Listed.init)))
                return
            }
            let counts = try await database.outboxCounts()
            print(OutboxStatus.allCases.map { "\($0.rawValue): \(counts[$0] ?? 0)" }.joined(separator: "  "))
            guard !entries.isEmpty else { return }
            print(Table.render(
                header: ["id", "kind", "format", "status", "tries", "next / delivered", "last result", "key"],
                rows: entries.map { entry in
                    let when = entry.status == .pending ? RFC3339.format(entry.nextAttemptAt) : entry.deliveredAt.map(RFC3339.format) ?? "-"
                    let last = [entry.lastStatus.map { "HTTP \($0)" }, entry.lastError].compactMap { $0 }.first ?? "-"
                    return [String(entry.id), entry.kind, entry.format, entry.status.rawValue, String(entry.attempts), when, String(last.prefix(60)), entry.idempotencyKey]
                }
            ))
        }
    }

    /// A post as `--json` shows it: no body or URL (they can hold webhook secrets), the destination's host only.
    struct Listed: Encodable {
        var id: Int64
        var idempotency_key: String
        var kind: String
        var format: String
        var destination: String
        var status: OutboxStatus
        var attempts: Int
        var next_attempt_at: Date?
        var delivered_at: Date?
        var last_status: Int?
        var last_error: String?
        var created_at: Date

        init(_ entry: OutboxEntry) {
            self.id = entry.id
            self.idempotency_key = entry.idempotencyKey
            self.kind = entry.kind
            self.format = entry.format
            self.destination = OutboxURL.redacted(entry.destination)
            self.status = entry.status
            self.attempts = entry.attempts
            self.next_attempt_at = entry.status == .pending ? entry.nextAttemptAt : nil
            self.delivered_at = entry.deliveredAt
            self.last_status = entry.lastStatus
            self.last_error = entry.lastError
            self.created_at = entry.createdAt
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
            do {
                let entry = try await self.database.open().retryOutbox(id: self.id, now: Date())
                print("outbox \(entry.id) (\(entry.idempotencyKey)) is pending again; `decay serve` or `decay outbox deliver` sends it")
            } catch let error as OutboxError {
                throw CLIError(error.description)
            }
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
