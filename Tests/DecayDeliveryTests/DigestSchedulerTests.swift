import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import GRDB
import Logging
import Testing

@Suite("weekly digest scheduler on a demo channel")
struct DigestSchedulerTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func scheduler(_ database: AppDatabase, catalog: ContentCatalog) -> DigestScheduler {
        DigestScheduler(
            database: database, schedule: .standard,
            composer: StoreDigestComposer(database: database, catalog: catalog, targets: nil, resamples: 0),
            policy: DestinationPolicy(), outbox: nil, logger: Logger(label: "test")
        )
    }

    /// A demo channel of three partners in a new database file; the path is for reopening it.
    static func demoChannel() async throws -> (AppDatabase, ContentCatalog, path: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decay-digest-\(UUID().uuidString)/decay.sqlite").path
        let database = try await AppDatabase.open(path: path)
        let catalog = try ContentCatalog.load(
            messagesDirectory: Self.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: Self.repoRoot.appendingPathComponent("surveys").path
        ).get()
        try await database.syncContent(catalog)
        try await database.saveDemo(DemoGenerator(seed: 3, asOf: Self.utc("2026-11-20T00:00:00Z"), partnerCount: 3).generate(catalog: catalog))
        return (database, catalog, path)
    }

    @Test func queuesEachManagersDigestOncePerWeekAcrossRunsAndRestarts() async throws {
        let (database, catalog, path) = try await Self.demoChannel()

        let first = Self.scheduler(database, catalog: catalog)
        #expect(try await first.runOnce(now: Self.utc("2026-11-18T12:00:00Z")).isEmpty, "the first run only marks where catch-up starts")
        let queued = try await first.runOnce(now: Self.utc("2026-11-23T23:00:00Z"))
        let recipients = try await database.digestManagers().filter { $0.chat != nil }
        #expect(!recipients.isEmpty)
        #expect(queued.count == recipients.count, "one digest per manager with a destination")
        #expect(Set(queued.map(\.week.description)) == ["2026-W47"])
        #expect(try await first.runOnce(now: Self.utc("2026-11-23T23:30:00Z")).isEmpty, "a second pass queues nothing")

        let reopened = try await AppDatabase.open(path: path)
        let restarted = Self.scheduler(reopened, catalog: catalog)
        #expect(try await restarted.runOnce(now: Self.utc("2026-11-24T08:00:00Z")).isEmpty, "nor does a restart")
        let keys = try await reopened.outbox(limit: 1000).filter { $0.kind == "digest" }.map(\.idempotencyKey)
        #expect(keys.count == recipients.count)
        #expect(Set(keys).count == keys.count)
        #expect(keys.allSatisfy { $0.hasSuffix(":2026-W47") })

        let caughtUp = try await restarted.runOnce(now: Self.utc("2026-12-08T10:00:00Z"))
        #expect(Set(caughtUp.map(\.week.description)) == ["2026-W48", "2026-W49"], "weeks missed while down are caught up")
    }
}
