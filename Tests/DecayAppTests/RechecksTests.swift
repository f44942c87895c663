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

@Suite("re-checks and reminders queued through the outbox, exactly once")
struct RechecksTests {
    static let asOf = DigestSchedulerTests.utc("2026-11-20T12:00:00Z")

    static func rechecks(_ database: AppDatabase, _ catalog: ContentCatalog) -> Rechecks {
        Rechecks(store: database, catalog: catalog, policy: DestinationPolicy(), canSignWebhooks: false, links: nil)
    }

    static func contactRows(_ database: AppDatabase) async throws -> [Row] {
        try await database.reader.read { db in try Row.fetchAll(db, sql: "SELECT * FROM rep_contact ORDER BY id") }
    }

    @Test func aPassQueuesEachContactOnceAcrossPassesAndRestarts() async throws {
        let (database, catalog, path) = try await DigestSchedulerTests.demoChannel(partners: 3)
        let dry = try await Self.rechecks(database, catalog).run(asOf: Self.asOf, dryRun: true, now: Self.asOf)
        let own = try #require(dry.contacts.first)
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE person SET chat_format = 'slack', chat_url = 'https://hooks.slack.com/services/T0/B0/own' WHERE id = ?",
                           arguments: [own.person])
        }
        #expect(try await database.outbox(limit: 1000).filter { $0.kind == "recheck" }.isEmpty, "a dry run writes nothing")

        let first = try await Self.rechecks(database, catalog).run(asOf: Self.asOf, dryRun: false, now: Self.asOf)
        let queued = try #require(first.queued)
        #expect(queued.contacts == first.contacts.count - first.unreachable.count)
        #expect(queued.contacts > 3)
        let personal = try #require(first.posts.first { $0.route == .personal })
        #expect(personal.people == [own.person])
        #expect(first.posts.filter { $0.route == .channel }.allSatisfy { $0.key.hasPrefix("recheck-channel:") })
        let outbox = try await database.outbox(limit: 1000).filter { $0.kind == "recheck" }
        #expect(outbox.count == queued.posts)
        let post = try #require(outbox.first { $0.idempotencyKey == personal.key })
        #expect(post.status == .pending)
        #expect(post.nextAttemptAt == personal.sendAt, "held until 10:00 in the rep's time zone")
        #expect(post.destination.hasSuffix("/own"))

        let again = try await Self.rechecks(database, catalog).run(asOf: Self.asOf.addingTimeInterval(900), dryRun: false, now: Self.asOf.addingTimeInterval(900))
        #expect(again.contacts.isEmpty)
        #expect(again.alreadyQueued == queued.contacts)
        let reopened = try await AppDatabase.open(path: path)
        let restarted = try await Self.rechecks(reopened, catalog).run(asOf: Self.asOf.addingTimeInterval(1800), dryRun: false, now: Self.asOf.addingTimeInterval(1800))
        #expect(restarted.contacts.isEmpty, "a restart plans nothing new")
        let rows = try await Self.contactRows(reopened)
        #expect(rows.count == queued.contacts)
        let perPerson = Dictionary(grouping: rows, by: { $0["person_id"] as String })
        #expect(perPerson.values.allSatisfy { $0.count == 1 }, "at most one contact per rep per week")
    }

    @Test func aRepWhoAnswersBeforeTheSendIsNoLongerSentTheRecheck() async throws {
        let (database, catalog, _) = try await DigestSchedulerTests.demoChannel(partners: 3)
        let dry = try await Self.rechecks(database, catalog).run(asOf: Self.asOf, dryRun: true, now: Self.asOf)
        let own = try #require(dry.contacts.first)
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE person SET chat_format = 'slack', chat_url = 'https://hooks.slack.com/services/T0/B0/own' WHERE id = ?",
                           arguments: [own.person])
        }
        let first = try await Self.rechecks(database, catalog).run(asOf: Self.asOf, dryRun: false, now: Self.asOf)
        let personal = try #require(first.posts.first { $0.route == .personal })
        let later = Self.asOf.addingTimeInterval(3600)
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO response (source, external_id, survey_id, person_id, message_id, message_version, submitted_at, received_at)
                VALUES ('test', 'answered-in-between', 'x', ?, ?, 1, ?, ?)
                """, arguments: [own.person, own.message, later.timeIntervalSince1970, later.timeIntervalSince1970])
        }
        let second = try await Self.rechecks(database, catalog).run(asOf: later, dryRun: false, now: later)
        #expect(second.cancelled?.contacts == 1)
        #expect(second.cancelled?.posts == 1)
        #expect(try await database.outbox(limit: 1000).first { $0.idempotencyKey == personal.key } == nil, "the unsent post is gone")
        let row = try #require(try await Self.contactRows(database).first { ($0["person_id"] as String) == own.person })
        #expect(row["cancel_reason"] as String? == "answered before the send")
    }

    @Test func peopleRemovedFromTheDirectoryGetNothing() async throws {
        let (database, catalog, _) = try await DigestSchedulerTests.demoChannel(partners: 3)
        let first = try await Self.rechecks(database, catalog).run(asOf: Self.asOf, dryRun: false, now: Self.asOf)
        let gone = try #require(first.contacts.first).person
        let removed = try #require(try await database.erasePerson(gone))
        #expect(removed.contacts == 1)
        #expect(try await Self.contactRows(database).allSatisfy { ($0["person_id"] as String) != gone })
        let next = try await Self.rechecks(database, catalog).run(asOf: Self.asOf.addingTimeInterval(8 * 86_400), dryRun: true, now: Self.asOf)
        #expect(!next.contacts.contains { $0.person == gone })
    }

    @Test func silentRepsAreRemindedWithinTheCapAndNeverManagers() async throws {
        let (database, catalog, _) = try await DigestSchedulerTests.demoChannel(partners: 3)
        let monday = DigestSchedulerTests.utc("2026-11-23T08:00:00Z")
        let (rep, manager, broadcast) = try await database.writer.write { db -> (String, String, Int64) in
            let rep = try String.fetchOne(db, sql: "SELECT id FROM person WHERE role = 'rep' AND timezone = 'Europe/Berlin' ORDER BY id LIMIT 1")
                ?? String.fetchOne(db, sql: "SELECT id FROM person WHERE role = 'rep' ORDER BY id LIMIT 1")!
            let manager = try String.fetchOne(db, sql: "SELECT id FROM person WHERE role <> 'rep' ORDER BY id LIMIT 1")!
            try db.execute(sql: "INSERT INTO broadcast (message_id, message_version, survey_id, audience, created_at) VALUES ('vault-3-launch', 2, NULL, 'all', ?)",
                           arguments: [monday.timeIntervalSince1970])
            let broadcast = db.lastInsertedRowID
            for person in [rep, manager] {
                try db.execute(sql: "DELETE FROM response WHERE person_id = ?", arguments: [person])
                try db.execute(sql: "DELETE FROM delivery WHERE person_id = ? AND message_id = 'vault-3-launch'", arguments: [person])
                try db.execute(sql: """
                    INSERT INTO delivery (message_id, message_version, person_id, hops, via, broadcast_id, delivered_at) VALUES ('vault-3-launch', 2, ?, 0, NULL, ?, ?)
                    """, arguments: [person, broadcast, monday.timeIntervalSince1970])
            }
            return (rep, manager, broadcast)
        }
        #expect(broadcast > 0)
        let thursday = DigestSchedulerTests.utc("2026-11-26T06:00:00Z")
        let first = try await Self.rechecks(database, catalog).run(asOf: thursday, dryRun: false, now: thursday)
        let nudge = try #require(first.contacts.first { $0.kind == .nudge && $0.person == rep })
        #expect(nudge.round == "v2-1")
        #expect(!first.contacts.contains { $0.person == manager }, "managers are never reminded")
        #expect(!first.contacts.contains { $0.person == rep && $0.kind == .recheck }, "the reminder takes the rep's one contact this week")

        let nextWeek = DigestSchedulerTests.utc("2026-12-01T06:00:00Z")
        let second = try await Self.rechecks(database, catalog).run(asOf: nextWeek, dryRun: false, now: nextWeek)
        #expect(!second.contacts.contains { $0.person == rep && $0.kind == .nudge }, "the second reminder waits for the weekly cap")
        #expect(second.deferred.contains { $0.contact.person == rep && $0.contact.kind == .nudge })

        try await database.writer.write { db in
            try db.execute(sql: "UPDATE delivery SET acked_at = ? WHERE person_id = ? AND message_id = 'vault-3-launch'", arguments: [nextWeek.timeIntervalSince1970, rep])
        }
        let acked = DigestSchedulerTests.utc("2026-12-03T06:00:00Z")
        let third = try await Self.rechecks(database, catalog).run(asOf: acked, dryRun: true, now: acked)
        #expect(!third.contacts.contains { $0.person == rep && $0.kind == .nudge }, "none once they acknowledge")
    }
}

@Suite("the re-check scheduler service")
struct RecheckSchedulerTests {
    /// The service in `decay serve` queues a pass on start and stops promptly at a graceful shutdown.
    @Test func queuesOnStartAndStopsOnShutdown() async throws {
        let (database, catalog, _) = try await DigestSchedulerTests.demoChannel(partners: 2)
        let settings = RecheckSettings(perWeek: 1, nudges: .standard, interval: .seconds(3600))
        let rechecks = Rechecks(store: database, catalog: catalog, policy: DestinationPolicy(), canSignWebhooks: false, links: nil, settings: settings)
        let scheduler = RecheckScheduler(rechecks: rechecks, outbox: nil, logger: Logger(label: "test"))
        let contacts = { try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rep_contact") ?? 0 } }
        var stoppedAfter = 0.0
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await scheduler.run() }
                while try await contacts() == 0 { try await Task.sleep(for: .milliseconds(20)) }
                let started = Date()
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
                stoppedAfter = Date().timeIntervalSince(started)
            }
        }
        #expect(try await contacts() > 0)
        #expect(stoppedAfter < 30, "stopped \(stoppedAfter) s after the shutdown began, not after the hour-long interval")
    }
}
