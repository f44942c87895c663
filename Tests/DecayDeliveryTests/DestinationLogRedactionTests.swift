import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// What the worker logs about a destination shows its scheme and host only: a chat URL carries its secret
/// (a Matrix `?access_token=`, a webhook's secret path).
struct DestinationLogRedactionTests {
    /// Every log line the worker writes, with its metadata.
    final class CapturedLog: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) { self.lock.withLock { self.lines.append(line) } }
        var all: [String] { self.lock.withLock { self.lines } }
    }

    struct CapturingHandler: LogHandler {
        let captured: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { self.metadata[key] }
            set { self.metadata[key] = newValue }
        }

        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String,
            line: UInt
        ) {
            self.captured.append("\(message) \(metadata ?? [:])")
        }
    }

    @Test func goneDestinationIsLoggedWithoutItsSecret() async throws {
        let (database, _) = try await OutboxWorkerTests.database()
        let sink = ScriptedSink()
        let captured = CapturedLog()
        try await sink.application().test(.live) { client in
            let url = "http://127.0.0.1:\(try #require(client.port))/gone?access_token=syt_secret_token"
            let item = OutboxItem(
                idempotencyKey: "g", kind: "test", format: ChatFormat.slack.rawValue, destination: url, url: url,
                headers: [OutboxHeader("Content-Type", "application/json")], body: Data("{}".utf8))
            try await database.writer.write { try AppDatabase.enqueue(item, now: Date(), $0) }
            let logger = Logger(label: "test") { _ in CapturingHandler(captured: captured) }
            let worker = OutboxWorker(database: database, configuration: try OutboxWorkerTests.configuration(), logger: logger)
            try await worker.deliverDue()
        }
        let lines = captured.all
        #expect(lines.contains { $0.contains("destination disabled by 410") && $0.contains("http://127.0.0.1:") })
        #expect(!lines.contains { $0.contains("syt_secret_token") }, "\(lines)")
    }
}
