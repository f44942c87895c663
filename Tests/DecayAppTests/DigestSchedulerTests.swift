import DecayApp
import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import GRDB
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

@Suite("weekly digest scheduler on a demo channel")
struct DigestSchedulerTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func scheduler(_ database: AppDatabase, catalog: ContentCatalog) -> DigestScheduler {
        DigestScheduler(
            store: database, schedule: .standard,
            composer: StoreDigestComposer(digests: Digests(store: database, catalog: catalog), resamples: 0),
            policy: DestinationPolicy(), outbox: nil, logger: Logger(label: "test")
        )
    }

    /// A demo channel seeded into a new database file; the path is for reopening it.
    static func demoChannel(partners: Int) async throws -> (AppDatabase, ContentCatalog, path: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decay-digest-\(UUID().uuidString)/decay.sqlite").path
        let database = try await AppDatabase.open(path: path)
        let catalog = try ContentCatalog.load(
            messagesDirectory: Self.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: Self.repoRoot.appendingPathComponent("surveys").path
        ).get()
        _ = try await DemoSeeding(store: database, catalog: catalog).seed(3, asOf: Self.utc("2026-11-20T00:00:00Z"), partners: partners)
        return (database, catalog, path)
    }

    @Test func queuesEachManagersDigestOncePerWeekAcrossRunsAndRestarts() async throws {
        let (database, catalog, path) = try await Self.demoChannel(partners: 3)

        let first = Self.scheduler(database, catalog: catalog)
        #expect(try await first.runOnce(now: Self.utc("2026-11-18T12:00:00Z")).isEmpty, "the first run only marks where catch-up starts")
        let queued = try await first.runOnce(now: Self.utc("2026-11-23T23:00:00Z"))
        let recipients = DigestRecipient.all(people: try await database.people(), partners: try await database.partners()).filter { $0.chat != nil }
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

    /// A graceful shutdown in the middle of a week's run stops it between managers: only the digests already being
    /// built finish (seconds at most; `decay bench digests` times one at ~20 ms in a release build), what was queued
    /// stays queued, and the next start queues the rest, each digest once.
    @Test func shutdownMidRunStopsBetweenManagersAndTheNextStartFinishes() async throws {
        let (database, catalog, _) = try await Self.demoChannel(partners: 12)
        _ = try await database.digestSchedulerStart(now: Self.utc("2026-11-18T12:00:00Z"))
        let recipients = DigestRecipient.all(people: try await database.people(), partners: try await database.partners()).filter { $0.chat != nil }
        let now = Self.utc("2026-11-23T23:00:00Z")
        let queued = { try await database.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM digest") ?? 0 } }
        var stoppedAfter = 0.0
        var atTrigger = 0
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await Self.scheduler(database, catalog: catalog).runOnce(now: now) }
                while try await queued() == 0 { try await Task.sleep(for: .milliseconds(5)) }
                atTrigger = try await queued()
                let started = Date()
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
                stoppedAfter = Date().timeIntervalSince(started)
            }
        }
        #expect(stoppedAfter < 30, "stopped \(stoppedAfter) s after the shutdown began")
        let partial = try await queued()
        #expect(partial - atTrigger <= 2, "only the digests in flight when the shutdown began were finished")
        #expect(partial >= 1)
        #expect(partial < recipients.count, "the run stopped part way")
        let rest = try await Self.scheduler(database, catalog: catalog).runOnce(now: now)
        #expect(partial + rest.count == recipients.count, "every manager's digest exactly once across the two runs")
    }
}
