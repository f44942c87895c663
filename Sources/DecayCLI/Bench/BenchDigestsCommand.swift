import ArgumentParser
import DecayApp
import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import GRDB
import Logging

/// `decay bench digests`: one week's digest pass of the scheduler over the `decay bench reports` channel (generated
/// when the database is empty): every manager's digest built, rendered and queued, timed. Digests queued by earlier
/// runs of this benchmark are removed first, so each run does the whole week.
struct BenchDigestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "digests", abstract: "Time a full weekly digest pass over a large seeded channel.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions
    @OptionGroup var channel: BenchChannelOptions

    func run() async throws {
        let catalog = try self.content.load()
        let database = try await self.database.open()
        try await self.channel.generateIfEmpty(database, catalog: catalog)
        try await FreeTextBackfill(store: database, catalog: catalog).run()
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM digest; DELETE FROM outbox WHERE kind = 'digest'; DELETE FROM setting WHERE key = 'digest-scheduler-started'")
        }
        _ = try await database.digestSchedulerStart(now: UTCDay.start(of: "2026-11-20")!)
        let digests = Digests(store: database, catalog: catalog)
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let scheduler = DigestScheduler(
            store: database, schedule: .standard, composer: StoreDigestComposer(digests: digests), policy: DestinationPolicy(), outbox: nil,
            logger: logger)
        let started = DispatchTime.now().uptimeNanoseconds
        let queued = try await scheduler.runOnce(now: UTCDay.start(of: "2026-11-24")!)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let recipients = try await digests.recipients(run: DigestRun(store: database, catalog: catalog))
        let reachable = recipients.filter { $0.chat != nil }.count
        print(String(
            format: "%d digests built and queued in %.1f s (%.1f ms each); %d managers get a digest, %d with a destination",
            queued.count, seconds, queued.isEmpty ? 0 : seconds * 1000 / Double(queued.count), recipients.count, reachable))
    }
}
