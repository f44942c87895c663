import DecayApp
import DecayCore
@testable import DecayStore
import Foundation
import GRDB
import Testing

@Suite("Engagement reports from the store")
struct EngagementReportTests {
    /// The demo's last day, 2026-11-20; the reports read through the end of it.
    static let demoDay = Date(timeIntervalSince1970: 1_795_132_800)
    static let cutoff = demoDay.addingTimeInterval(86_400)

    /// A demo channel in a real SQLite file, plus a two-rep partner that the display rule must hide.
    static func seeded() async throws -> AppDatabase {
        let catalog = try ContentCatalog.load(
            messagesDirectory: TestDatabase.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: TestDatabase.repoRoot.appendingPathComponent("surveys").path
        ).get()
        let database = try await TestDatabase.open()
        try await ContentSync(store: database, catalog: catalog).run()
        try await database.saveDemo(DemoGenerator(seed: 3, asOf: Self.demoDay).generate(catalog: catalog))
        try await database.writer.write { db in
            let now = Self.demoDay.timeIntervalSince1970
            try db.execute(
                sql: "INSERT INTO partner (id, name, category, tier, updated_at) VALUES ('tiny', 'Tiny Co', 'msp', 'bronze', ?)",
                arguments: [now])
            for rep in ["tiny-1", "tiny-2"] {
                try db.execute(
                    sql: "INSERT INTO person (id, name, partner_id, role, updated_at) VALUES (?, ?, 'tiny', 'rep', ?)",
                    arguments: [rep, rep, now])
                try db.execute(sql: """
                    INSERT INTO delivery (message_id, message_version, person_id, hops, delivered_at, acked_at)
                    VALUES ('vault-3-launch', 2, ?, 0, ?, ?)
                    """, arguments: [rep, now - 86_400, now - 80_000])
            }
        }
        return database
    }

    @Test func totalsAgreeWithDirectCounts() async throws {
        let database = try await Self.seeded()
        let snapshot = try await database.engagementSnapshot(asOf: Self.cutoff)
        let people = snapshot.people.map(\.inputs)
        let cutoff = Self.cutoff.timeIntervalSince1970
        let direct = try await database.reader.read { db in
            (
                delivered: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delivery WHERE delivered_at <= ?", arguments: [cutoff]) ?? -1,
                acked: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM delivery WHERE delivered_at <= ? AND acked_at <= ?", arguments: [cutoff, cutoff]) ?? -1,
                responded: try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM delivery d WHERE d.delivered_at <= ? AND d.id IN (
                        SELECT d2.id FROM delivery d2 JOIN response r ON r.person_id = d2.person_id AND r.message_id = d2.message_id
                            AND r.message_version = d2.message_version WHERE r.submitted_at <= ?)
                    """, arguments: [cutoff, cutoff]) ?? -1,
                quiz: try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM answer a JOIN response r ON r.id = a.response_id
                    WHERE a.correct IS NOT NULL AND r.submitted_at <= ?
                    """, arguments: [cutoff]) ?? -1,
                correct: try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM answer a JOIN response r ON r.id = a.response_id
                    WHERE a.correct = 1 AND r.submitted_at <= ?
                    """, arguments: [cutoff]) ?? -1,
                people: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") ?? -1
            )
        }
        #expect(direct.delivered > 500)
        #expect(people.count == direct.people)
        #expect(people.reduce(0) { $0 + $1.delivered } == direct.delivered)
        #expect(people.reduce(0) { $0 + $1.acked } == direct.acked)
        #expect(people.reduce(0) { $0 + $1.responded } == direct.responded)
        #expect(people.reduce(0) { $0 + $1.quizAnswers } == direct.quiz)
        #expect(people.reduce(0) { $0 + $1.quizCorrect } == direct.correct)
        #expect(snapshot.partners.count == 41)
    }

    @Test func medianAndRouteMatchThePersonsDeliveries() async throws {
        let database = try await Self.seeded()
        let snapshot = try await database.engagementSnapshot(asOf: Self.cutoff)
        let cutoff = Self.cutoff.timeIntervalSince1970
        let busy = try #require(snapshot.people.filter { $0.inputs.acked >= 2 }.max { $0.inputs.acked < $1.inputs.acked })
        let rows = try await database.reader.read { db in
            try Row.fetchAll(
                db, sql: "SELECT hops, delivered_at, acked_at FROM delivery WHERE person_id = ? AND delivered_at <= ?",
                arguments: [busy.id, cutoff])
        }
        let delays = rows.compactMap { row -> Double? in
            guard let acked = row["acked_at"] as Double?, acked <= cutoff else { return nil }
            return acked - (row["delivered_at"] as Double)
        }
        let expected = try #require(Median.of(durations: delays))
        #expect(abs(try #require(busy.inputs.medianAckDelay) - expected) < 1e-6)
        let hops = Dictionary(grouping: rows.map { $0["hops"] as Int }, by: { $0 }).max { $0.value.count < $1.value.count }?.key
        #expect(busy.inputs.hops == hops)

        let one = try await database.engagementSnapshot(asOf: Self.cutoff, scope: .person(busy.id))
        #expect(one.people == [busy])
        #expect(one.partners.map(\.id) == [busy.partner].compactMap { $0 })
    }

    @Test func fewerThanThreeRepsShowNoPercentagesAndNoRank() async throws {
        let database = try await Self.seeded()
        let report = PartnersReport(snapshot: try await database.engagementSnapshot(asOf: Self.cutoff))
        let tiny = try #require(report.partners.first { $0.id == "tiny" })
        #expect(tiny.people == 2)
        #expect(tiny.ackRate.successes == 2 && tiny.ackRate.trials == 2)
        #expect(tiny.ackRate.rate == nil && tiny.ackRate.low == nil && tiny.ackRate.text == "n<3")
        #expect(tiny.medianAckHours == nil && tiny.directAckHours == nil)
        #expect(tiny.score == nil && tiny.rankInCategory == nil && tiny.topShare == nil)
        #expect(report.partners.last { $0.category == "msp" }?.id == "tiny")
        #expect(report.overall.scoredPartners == report.partners.filter { $0.score != nil }.count)
    }

    @Test func ranksAreCompetitionRanksWithinCategory() async throws {
        let database = try await Self.seeded()
        let report = PartnersReport(snapshot: try await database.engagementSnapshot(asOf: Self.cutoff))
        #expect(Set(report.partners.map(\.category)).count >= 2)
        for line in report.partners {
            guard let score = line.score else { continue }
            let better = report.partners.filter { $0.category == line.category && ($0.score ?? -1) > score }.count
            #expect(line.rankInCategory == better + 1)
        }
        let scores = report.partners.compactMap(\.score)
        #expect(report.overall.scoreGini == Gini.coefficient(scores))

        let msp = PartnersReport(
            snapshot: try await database.engagementSnapshot(asOf: Self.cutoff, scope: .category("msp")), category: "msp")
        #expect(msp.partners.allSatisfy { $0.category == "msp" })
        #expect(msp.partners.map(\.rankInCategory) == report.partners.filter { $0.category == "msp" }.map(\.rankInCategory))
    }

    @Test func scorecardFollowsTheTargets() async throws {
        let database = try await Self.seeded()
        let lenient = try ScoreTargets.parse("default: { ack_rate: 0.0 }\n")
        let report = PartnersReport(snapshot: try await database.engagementSnapshot(asOf: Self.cutoff), targets: lenient)
        let tiny = try #require(report.partners.first { $0.id == "tiny" })
        #expect(tiny.scorecard?.first?.met == nil)
        #expect(report.overall.targetsUnknown == 1)
        #expect(report.overall.targetsMet == report.partners.count - 1)
        #expect(report.overall.targetsMissed == 0)
    }

    @Test func personActivityListsDeliveriesResponsesAndRecall() async throws {
        let database = try await Self.seeded()
        let snapshot = try await database.engagementSnapshot(asOf: Self.cutoff)
        let quizzed = try #require(snapshot.people.first { $0.inputs.quizAnswers >= 3 })
        let activity = try #require(try await database.personActivity(quizzed.id, asOf: Self.cutoff))
        let report = PersonReport(activity: activity)
        #expect(activity.inputs == quizzed.inputs)
        #expect(report.deliveries.count == quizzed.inputs.delivered)
        #expect(report.keyPoints.reduce(0) { $0 + $1.answers } == quizzed.inputs.quizAnswers)
        #expect(report.keyPoints.reduce(0) { $0 + $1.correct } == quizzed.inputs.quizCorrect)
        #expect(report.engagement.acked == report.deliveries.filter { $0.ackedAt != nil }.count)
        #expect(try await database.personActivity("nobody", asOf: Self.cutoff) == nil)
    }
}
