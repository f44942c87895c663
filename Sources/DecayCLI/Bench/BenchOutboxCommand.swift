import ArgumentParser
import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Logging

/// `decay bench outbox --url URL`: posts N deliveries through the durable outbox to a loopback sink, next to a
/// bare libcurl multi loop posting the same bodies in the same run; then checks rate limits with them on.
struct BenchOutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outbox", abstract: "Outbox throughput against a loopback sink (see scripts/bench-outbox).")

    @OptionGroup var content: ContentOptions

    @Option(help: "Sink URL, e.g. http://127.0.0.1:9099/hook (its host is allowed as if in DECAY_ALLOW_HOSTS).")
    var url: String

    @Option(help: "Posts per run.")
    var count: Int = 20_000

    @Option(help: "Transfers in flight.")
    var inFlight: Int = 32

    @Option(help: "Destinations the posts are spread over (distinct URLs on the sink).")
    var destinations: Int = 200

    @Option(help: "Seconds to spend checking rate limits with them on (0 skips).")
    var limitSeconds: Int = 5

    func run() async throws {
        guard let host = URLComponents(string: self.url)?.host else { throw CLIError("--url must be an absolute URL") }
        let policy = try DestinationPolicy.parse(allowHosts: host)
        let body = try self.sampleBody()
        print("payload: \(body.count) bytes (the shipped vault-3-launch message as a Slack broadcast)")

        let bare = await OffPool.run { BareCurlLoop.run(url: self.url, body: Array(body), count: self.count, inFlight: self.inFlight) }
        let bareRate = Double(bare.posts) / bare.seconds
        print(String(format: "bare libcurl multi loop: %d posts in %.2f s = %.0f posts/s (%d failed)", bare.posts, bare.seconds, bareRate, bare.failures))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decay-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await AppDatabase.open(path: folder.appendingPathComponent("decay.sqlite").path)
        try await self.enqueue(database, body: body, format: .webhook, prefix: "bench")
        var configuration = OutboxWorkerConfiguration.unlimited(OutboxWorkerConfiguration())
        configuration.destinationPolicy = policy
        configuration.maxInFlight = self.inFlight
        configuration.webhookSigner = try StandardWebhooks(secret: StandardWebhooks.generateSecret())
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let worker = OutboxWorker(database: database, configuration: configuration, logger: logger)
        let clock = ContinuousClock()
        let elapsed = try await clock.measure { try await worker.deliverDue() }
        let seconds = elapsed.seconds
        let counts = try await database.outboxCounts()
        let delivered = counts[.delivered] ?? 0
        let rate = Double(delivered) / seconds
        print(String(format: "outbox (signed, durable, limits off): %d delivered in %.2f s = %.0f posts/s = %.0f%% of the bare loop; pending %d, dead %d",
                     delivered, seconds, rate, 100 * rate / bareRate, counts[.pending] ?? 0, counts[.dead] ?? 0))

        if self.limitSeconds > 0 { try await self.checkLimits(policy: policy, body: body, logger: logger) }
    }

    /// Slack's 1 post/s per destination: 20 destinations with `limitSeconds + 1` posts each should take `limitSeconds`.
    private func checkLimits(policy: DestinationPolicy, body: Data, logger: Logger) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decay-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await AppDatabase.open(path: folder.appendingPathComponent("decay.sqlite").path)
        let perDestination = self.limitSeconds + 1
        for destination in 0..<20 {
            let items = (0..<perDestination).map { index in
                OutboxItem(
                    idempotencyKey: "limit-\(destination)-\(index)", kind: "bench", format: ChatFormat.slack.rawValue,
                    destination: "\(self.url)/slack-\(destination)", url: "\(self.url)/slack-\(destination)", body: body
                )
            }
            try await database.writer.write { db in for item in items { try AppDatabase.enqueue(item, now: Date(), db) } }
        }
        var configuration = OutboxWorkerConfiguration()
        configuration.destinationPolicy = policy
        let worker = OutboxWorker(database: database, configuration: configuration, logger: logger)
        let elapsed = try await ContinuousClock().measure { try await worker.deliverDue(horizon: .seconds(5)) }
        let seconds = elapsed.seconds
        let delivered = try await database.outboxCounts()[.delivered] ?? 0
        print(String(format: "limits on (Slack 1/s): %d posts to 20 destinations in %.2f s; at exactly 1/s each the minimum is %d s",
                     delivered, seconds, self.limitSeconds))
    }

    private func sampleBody() throws -> Data {
        let catalog = try self.content.load()
        guard let message = catalog.messages["vault-3-launch"] ?? catalog.sortedMessages.first else {
            throw CLIError("no messages in \(self.content.messagesDirectory)")
        }
        return ChatRenderer.render(ChatBroadcast(message: message), as: .slack, transactionID: "bench").body
    }

    private func enqueue(_ database: AppDatabase, body: Data, format: ChatFormat, prefix: String) async throws {
        let count = self.count
        let destinations = self.destinations
        let url = self.url
        try await database.writer.write { db in
            for index in 0..<count {
                let destination = "\(url)/\(prefix)-\(index % destinations)"
                try AppDatabase.enqueue(
                    OutboxItem(idempotencyKey: "\(prefix)-\(index)", kind: "bench", format: format.rawValue, destination: destination, url: destination, body: body),
                    now: Date(), db
                )
            }
        }
    }
}
