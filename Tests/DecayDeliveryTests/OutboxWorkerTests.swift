import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing

@Suite("outbox worker against a scripted loopback sink")
struct OutboxWorkerTests {
    static func database() async throws -> (AppDatabase, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decay-outbox-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("decay.sqlite").path
        return (try await AppDatabase.open(path: path), path)
    }

    static func configuration() throws -> OutboxWorkerConfiguration {
        var configuration = OutboxWorkerConfiguration()
        configuration.retryPolicy = RetryPolicy(delays: [.milliseconds(50), .milliseconds(50), .milliseconds(50)], maxRetryAfter: .seconds(5))
        configuration.destinationPolicy = try DestinationPolicy.parse(allowHosts: "127.0.0.1")
        configuration.pollInterval = .milliseconds(50)
        configuration.totalTimeout = 3
        configuration.connectTimeout = 1
        configuration.rateLimit = { _ in nil }
        return configuration
    }

    static func enqueue(_ database: AppDatabase, key: String, url: String, format: ChatFormat = .slack) async throws {
        let item = OutboxItem(
            idempotencyKey: key, kind: "test", format: format.rawValue, destination: url, url: url,
            headers: [OutboxHeader("Content-Type", "application/json")], body: Data(#"{"text":"\#(key)"}"#.utf8)
        )
        try await database.writer.write { try AppDatabase.enqueue(item, now: Date(), $0) }
    }

    static func entries(_ database: AppDatabase) async throws -> [String: OutboxEntry] {
        Dictionary(uniqueKeysWithValues: try await database.outbox(limit: 100_000).map { ($0.idempotencyKey, $0) })
    }

    @Test func everyPostEndsDeliveredOrDeadAndNoneTwice() async throws {
        let (database, _) = try await Self.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            for script in ["ok", "flaky", "limited", "slow", "gone", "bad"] {
                try await Self.enqueue(database, key: script, url: "\(base)/\(script)")
            }
            try await Self.enqueue(database, key: "refused", url: "http://127.0.0.1:1/refused")
            try await Self.enqueue(database, key: "ok", url: "\(base)/ok")

            let worker = OutboxWorker(database: database, configuration: try Self.configuration(), logger: Logger(label: "test"))
            try await worker.deliverDue(horizon: .seconds(3))

            try await Self.enqueue(database, key: "gone-later", url: "\(base)/gone")
            try await worker.deliverDue()
            let entries = try await Self.entries(database)
            #expect(entries.count == 8, "the duplicate key stored one row")
            #expect(entries.values.allSatisfy { $0.status != .pending }, "every post ends delivered or dead")
            #expect(entries["ok"]?.status == .delivered)
            #expect(entries["ok"]?.attempts == 1)
            #expect(entries["flaky"]?.status == .delivered)
            #expect(entries["flaky"]?.attempts == 3)
            #expect(entries["limited"]?.status == .delivered)
            #expect(entries["limited"]?.attempts == 2)
            #expect(entries["slow"]?.status == .delivered, "a timeout is retried")
            #expect(entries["slow"]?.attempts == 2)
            #expect(entries["bad"]?.status == .dead)
            #expect(entries["bad"]?.attempts == 1)
            #expect(entries["bad"]?.lastError == "HTTP 400: invalid_payload")
            #expect(entries["gone"]?.status == .dead)
            #expect(entries["gone"]?.lastStatus == 410)
            #expect(entries["gone-later"]?.status == .dead, "a 410 disables the destination for every post to it")
            #expect(entries["refused"]?.status == .dead)
            #expect(entries["refused"]?.attempts == 4)
            #expect(entries["refused"]?.lastError?.hasPrefix("gave up after 4 attempts") == true)
            #expect(try await database.disabledDestinations().keys.contains("\(base)/gone"))

            let limited = await sink.hits.filter { $0.path == "limited" }
            #expect(limited.count == 2)
            if limited.count == 2 {
                #expect(limited[1].at.timeIntervalSince(limited[0].at) >= 0.95, "Retry-After: 1 is honoured")
            }
            #expect(await sink.deliveredTwice().isEmpty)
            #expect(await sink.hits.filter { $0.path == "gone" }.count == 1, "nothing more is sent to a gone destination")
            #expect(entries["gone-later"]?.lastError?.hasPrefix("destination disabled") == true)
        }
    }

    @Test func retryCommandRevivesADeadPostAndItsDestination() async throws {
        let (database, _) = try await Self.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await Self.enqueue(database, key: "g", url: "\(base)/gone")
            let worker = OutboxWorker(database: database, configuration: try Self.configuration(), logger: Logger(label: "test"))
            try await worker.deliverDue()
            let dead = try #require(try await Self.entries(database)["g"])
            #expect(dead.status == .dead)
            let revived = try await database.retryOutbox(id: dead.id, now: Date())
            #expect(revived.status == .pending)
            #expect(revived.attempts == 0)
            #expect(try await database.disabledDestinations().isEmpty)
            await #expect(throws: OutboxError.notFound(9999)) { try await database.retryOutbox(id: 9999, now: Date()) }
        }
    }

    @Test func noPostIsLostOrSentTwiceAcrossARestart() async throws {
        let (database, path) = try await Self.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            for index in 0..<300 {
                try await Self.enqueue(database, key: "post-\(index)", url: "\(base)/delay")
            }
            var configuration = try Self.configuration()
            configuration.maxInFlight = 4
            configuration.drainTimeout = .zero
            let worker = OutboxWorker(database: database, configuration: configuration, logger: Logger(label: "test"))
            let group = ServiceGroup(configuration: .init(services: [worker], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // Stop once something was delivered, however slow the machine: a fixed sleep could stop before the first post.
                let deadline = ContinuousClock.now + .seconds(10)
                while try await database.outboxCounts()[.delivered] == nil, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(25))
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let firstRun = try await database.outboxCounts()
            #expect((firstRun[.delivered] ?? 0) > 0)
            #expect((firstRun[.pending] ?? 0) > 0, "the first run stopped part way")

            let reopened = try await AppDatabase.open(path: path)
            let second = OutboxWorker(database: reopened, configuration: try Self.configuration(), logger: Logger(label: "test"))
            try await second.deliverDue()
            #expect(try await reopened.outboxCounts() == [.delivered: 300])
            #expect(await sink.deliveredTwice().isEmpty)
            #expect(Set(await sink.delivered(path: "delay").map(\.key)).count == 300)
        }
    }

    @Test func gracefulShutdownDrainsWhatIsDue() async throws {
        let (database, _) = try await Self.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let worker = OutboxWorker(database: database, configuration: try Self.configuration(), logger: Logger(label: "test"))
            let group = ServiceGroup(configuration: .init(services: [worker], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await Task.sleep(for: .milliseconds(100))
                for index in 0..<50 {
                    try await Self.enqueue(database, key: "drain-\(index)", url: "\(base)/delay")
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(try await database.outboxCounts() == [.delivered: 50])
        }
    }

    @Test func rateLimitIsExactPerDestination() async throws {
        let (database, _) = try await Self.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            for index in 0..<6 {
                try await Self.enqueue(database, key: "a-\(index)", url: "\(base)/ok")
            }
            try await Self.enqueue(database, key: "b-0", url: "\(base)/ok?other")
            var configuration = try Self.configuration()
            configuration.rateLimit = { _ in RateLimit(count: 5, per: .seconds(1)) }
            let worker = OutboxWorker(database: database, configuration: configuration, logger: Logger(label: "test"))
            let start = Date()
            try await worker.deliverDue(horizon: .seconds(2))
            let hits = await sink.hits.filter { $0.key.hasPrefix("a-") }.sorted { $0.at < $1.at }
            #expect(hits.count == 6)
            // A post can arrive late but never before its slot, so each arrival is bounded below by the
            // start plus its slots; load on the machine only moves arrivals later.
            for (index, hit) in hits.enumerated() {
                #expect(hit.at.timeIntervalSince(start) >= 0.2 * Double(index) - 0.005, "post \(index) waits for slot \(index) of 200 ms")
            }
            let other = await sink.hits.first { $0.key == "b-0" }
            if hits.count == 6 {
                #expect(other.map { $0.at < hits[5].at } == true, "another destination is not queued behind this one's 200 ms spacing")
            }
        }
    }

    @Test func webhookPostsAreSignedWithStandardWebhooks() async throws {
        let (database, _) = try await Self.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await Self.enqueue(database, key: "signed-1", url: "\(base)/ok", format: .webhook)
            var configuration = try Self.configuration()
            let secret = StandardWebhooks.generateSecret()
            configuration.webhookSigner = try StandardWebhooks(secret: secret)
            let worker = OutboxWorker(database: database, configuration: configuration, logger: Logger(label: "test"))
            try await worker.deliverDue()
            let hit = try #require(await sink.hits.first)
            #expect(hit.headers["webhook-id"] == "signed-1")
            let verifier = try StandardWebhooks(secret: secret)
            let headers = hit.headers
            #expect(throws: Never.self) {
                try verifier.verify(
                    id: headers["webhook-id"] ?? "", timestamp: headers["webhook-timestamp"] ?? "",
                    signatureHeader: headers["webhook-signature"] ?? "", body: hit.body, now: Date()
                )
            }
        }
    }

    @Test func oneWorkerPerDatabase() async throws {
        let (database, _) = try await Self.database()
        try await Self.enqueue(database, key: "held", url: "http://127.0.0.1:9/x")
        #expect(try await database.acquireOutboxLease(owner: "serve-elsewhere", now: Date(), duration: 30) == nil)
        var configuration = try Self.configuration()
        configuration.retryPolicy = RetryPolicy(delays: [.seconds(60)], maxRetryAfter: .seconds(60))
        let worker = OutboxWorker(database: database, configuration: configuration, logger: Logger(label: "test"))
        await #expect(throws: OutboxLeaseHeld.self) { try await worker.deliverDue() }
        #expect(try await database.outboxCounts() == [.pending: 1], "nothing was sent or changed")

        let expired = try await database.acquireOutboxLease(owner: "crashed", now: Date().addingTimeInterval(-60), duration: 30)
        #expect(expired?.owner == "serve-elsewhere", "a live lease is not taken over")
        try await database.releaseOutboxLease(owner: "serve-elsewhere")
        #expect(try await database.acquireOutboxLease(owner: "crashed", now: Date().addingTimeInterval(-60), duration: 30) == nil)
        try await worker.deliverDue()
        #expect(try await database.outboxCounts()[.pending] == 1, "the crashed worker's expired lease was taken over and the post tried")
        #expect(try await database.outbox().first?.attempts == 1)
    }

    @Test func unsignedWebhookAndPolicyRefusalsAreDeadWithAReason() async throws {
        let (database, _) = try await Self.database()
        try await Self.enqueue(database, key: "unsigned", url: "http://127.0.0.1:9/x", format: .webhook)
        try await Self.enqueue(database, key: "private", url: "https://10.0.0.7/hook")
        try await Self.enqueue(database, key: "plain-http", url: "http://hooks.example.com/x")
        let worker = OutboxWorker(database: database, configuration: try Self.configuration(), logger: Logger(label: "test"))
        try await worker.deliverDue()
        let entries = try await Self.entries(database)
        #expect(entries["private"]?.status == .dead)
        #expect(entries["private"]?.lastError?.contains("DECAY_ALLOW_HOSTS") == true)
        #expect(entries["plain-http"]?.lastError?.contains("plain http") == true)
        #expect(entries["unsigned"]?.status == .dead)
        #expect(entries["unsigned"]?.lastError?.contains("DECAY_OUTBOUND_WEBHOOK_SECRET") == true)
    }
}
