import DecayApp
import DecayCore
import DecayStore
import Foundation
import GRDB
import Testing

/// The overview's "re-checks due or sent", read from real queued contacts: reps, delivered, answered since and
/// reminders, and nothing outside a scoped manager's reps.
@Suite("Dashboard overview: re-checks due or sent")
struct OverviewRechecksTests {
    @Test func countsRepsSentAnsweredAndRemindersForTheViewersRepsOnly() async throws {
        let (database, catalog, _) = try await DigestSchedulerTests.demoChannel(partners: 3)
        let asOf = RechecksTests.asOf
        let (reports, contacts) = (database.changeStamp, database.contactStamp)
        _ = try await RechecksTests.rechecks(database, catalog).run(asOf: asOf, dryRun: false, now: asOf)
        #expect(database.contactStamp > contacts, "queued contacts make the overview read them again")
        #expect(database.changeStamp == reports, "and leave the report fits alone")
        let rows = try await RechecksTests.contactRows(database).filter { $0["kind"] as String == "recheck" }
        try #require(rows.count > 3)
        let message: String = rows[0]["message_id"]
        let ofMessage = rows.filter { $0["message_id"] as String == message }
        let post: Int64 = ofMessage[0]["outbox_id"]
        let sentRows = ofMessage.filter { $0["outbox_id"] as Int64? == post }
        let answering: String = sentRows[0]["person_id"]
        let sendAt: Double = sentRows[0]["send_at"]
        let cancelled: Int64 = try #require(ofMessage.first { $0["outbox_id"] as Int64? != post })["id"]
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE outbox SET status = 'delivered' WHERE id = ?", arguments: [post])
            try db.execute(sql: "UPDATE rep_contact SET cancelled_at = ? WHERE id = ?", arguments: [sendAt, cancelled])
            try db.execute(sql: """
                INSERT INTO response (source, external_id, survey_id, person_id, message_id, message_version, submitted_at, received_at)
                VALUES ('test', 'after-recheck', 'vault-3-check', ?, ?, 2, ?, ?)
                """, arguments: [answering, message, sendAt + 600, sendAt + 600])
        }

        let activity = OverviewRechecks(store: database)
        let all = try await activity.week(asOf: asOf, viewer: .admin)
        let line = try #require(all.first { $0.message == message })
        let kept = ofMessage.filter { $0["id"] as Int64 != cancelled }
        #expect(line.reps == Set(kept.map { $0["person_id"] as String }).count, "the cancelled re-check is not counted")
        #expect(line.sent == Set(sentRows.map { $0["person_id"] as String }).count)
        #expect(line.due == line.reps - line.sent)
        #expect(line.answered == 1)
        #expect(line.reminders == 0)

        let partner: String = sentRows[0]["partner_id"]
        let scoped = DashboardViewer(manager: "cm-elsewhere", partners: [partner], people: nil)
        let own = try await activity.week(asOf: asOf, viewer: scoped)
        let ownLine = try #require(own.first { $0.message == message })
        #expect(ownLine.reps == Set(kept.filter { $0["partner_id"] as String? == partner }.map { $0["person_id"] as String }).count)
        #expect(ownLine.reps < line.reps || Set(kept.map { $0["partner_id"] as String? }).count == 1)
        let nobody = DashboardViewer(manager: "cm-elsewhere", partners: ["no-such-partner"], people: nil)
        #expect(try await activity.week(asOf: asOf, viewer: nobody).isEmpty)
        #expect(try await activity.week(asOf: asOf.addingTimeInterval(30 * 86_400), viewer: .admin).isEmpty, "a month later nothing is due or sent")
    }
}
