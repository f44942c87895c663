import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import Testing

/// What reached the receiver matches what the outbox recorded: one request per attempt, every attempt counted,
/// and nothing secret in the log.
@Suite("attempts as recorded against what the receiver got")
struct AttemptRecordTests {
    @Test func aReusedConnectionThatDiesIsNotPostedToTwice() async throws {
        let receiver = try HalfAnsweringReceiver()
        defer { receiver.stop() }
        let client = CurlClient(maxConnections: 1)
        let url = "http://127.0.0.1:\(receiver.port)/hook"
        func post(_ key: String) -> HTTPPost {
            HTTPPost(url: url, headers: [("Idempotency-Key", key)], body: Array(#"{"text":"\#(key)"}"#.utf8), allowPrivateAddresses: true)
        }
        let first = try await client.send(post("first"))
        #expect(first.status == 200)
        let error = await #expect(throws: HTTPTransportError.self) { try await client.send(post("second")) }
        #expect(error?.message.hasPrefix("the connection closed after the request was sent") == true)
        #expect(receiver.arrivals == ["first": 1, "second": 1], "libcurl re-sent the request on a fresh connection")
    }

    @Test func everyRecordedAttemptArrivedExactlyOnce() async throws {
        let (database, _) = try await OutboxWorkerTests.database()
        let receiver = try HalfAnsweringReceiver()
        defer { receiver.stop() }
        let keys = (0..<6).map { "post-\($0)" }
        for key in keys {
            try await OutboxWorkerTests.enqueue(database, key: key, url: "http://127.0.0.1:\(receiver.port)/hook")
        }
        var configuration = try OutboxWorkerTests.configuration()
        configuration.maxInFlight = 1
        let worker = OutboxWorker(database: database, client: CurlClient(maxConnections: 1), configuration: configuration, logger: Logger(label: "test"))
        try await worker.deliverDue(horizon: .seconds(3))

        let entries = try await OutboxWorkerTests.entries(database)
        let arrivals = receiver.arrivals
        for key in keys {
            #expect(arrivals[key] == entries[key]?.attempts, "\(key): requests received vs attempts recorded")
        }
        #expect(entries.values.contains { $0.attempts > 1 }, "some attempt met a connection closed without an answer")
        #expect(entries.values.contains { $0.status == .delivered })
    }

    @Test(arguments: [false, true])
    func twoPartnersSharingAGoneURLAreBothRecordedAsSent(rateLimited: Bool) async throws {
        let (database, _) = try await OutboxWorkerTests.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let url = "http://127.0.0.1:\(try #require(client.port))/gone"
            try await OutboxWorkerTests.enqueue(database, key: "partner-a", url: url)
            try await OutboxWorkerTests.enqueue(database, key: "partner-b", url: url)
            var configuration = try OutboxWorkerTests.configuration()
            if rateLimited { configuration.rateLimit = { _ in RateLimit(count: 1, per: .milliseconds(500)) } }
            let worker = OutboxWorker(database: database, configuration: configuration, logger: Logger(label: "test"))
            try await worker.deliverDue(horizon: .seconds(2))

            let entries = try await OutboxWorkerTests.entries(database)
            let hits = await sink.hits
            for key in ["partner-a", "partner-b"] {
                let entry = try #require(entries[key])
                #expect(entry.status == .dead)
                #expect(hits.filter { $0.key == key }.count == entry.attempts, "\(key): sent \(hits.filter { $0.key == key }.count), recorded \(entry.attempts)")
                #expect(entry.attempts == 0 ? entry.lastError?.hasPrefix("destination disabled") == true : entry.lastStatus == 410)
            }
            if rateLimited {
                #expect(hits.count == 1, "the post held by the rate limit is not sent after the 410")
            } else {
                #expect(entries.values.allSatisfy { $0.attempts == 1 && $0.lastStatus == 410 }, "both were on the wire together")
            }
        }
    }

    @Test func aGoneDestinationIsLoggedByHostOnly() async throws {
        let (database, _) = try await OutboxWorkerTests.database()
        let sink = ScriptedSink()
        try await sink.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await OutboxWorkerTests.enqueue(database, key: "g", url: "\(base)/gone?access_token=s3cr3t")
            let logs = InMemoryLogHandler()
            let logger = Logger(label: "test", factory: { _ in logs })
            let worker = OutboxWorker(database: database, configuration: try OutboxWorkerTests.configuration(), logger: logger)
            try await worker.deliverDue()

            let gone = try #require(logs.entries.first { $0.message.description == "destination disabled by 410" })
            #expect(gone.metadata["destination"]?.description == "\(base)/…")
            for entry in logs.entries {
                let text = "\(entry.message) \(entry.metadata)"
                #expect(!text.contains("s3cr3t") && !text.contains("/gone"), "the webhook path and query are secrets: \(text)")
            }
        }
    }
}
