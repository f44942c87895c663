import Foundation
import GRDB
import Testing

import DecayApp
@testable import DecayCore
@testable import DecayStore

/// What the message report reads instead of joining every answer: `quiz_outcome` (written with each response) and
/// `free_text_point` (statuses stored at ingest or by the backfill) must say what the answers themselves say.
@Suite("Report outcomes")
struct ReportOutcomeTests {
    static let asOf = Date(timeIntervalSince1970: 1_795_132_800)

    static func channel(_ catalog: ContentCatalog) -> DemoChannel {
        DemoGenerator(seed: 4, asOf: self.asOf, partnerCount: 6).generate(catalog: catalog)
    }

    /// Statuses counted from the stored rows and from scoring every free text of the message now.
    static func counts(_ database: AppDatabase, _ message: Message, _ catalog: ContentCatalog) async throws
        -> (stored: [String: [PointStatus.Kind: Int]], scored: [String: [PointStatus.Kind: Int]]) {
        let surveys = catalog.surveys(forMessage: message.id)
        let input = try await database.reader.read { db in
            try AppDatabase.messageReportInput(message: message, surveys: surveys, asOf: nil, freeTexts: true, db)
        }
        return (input.freeTextCounts ?? [:], MessageReportBuilder.countStatuses(input.freeTexts, message: message))
    }

    @Test func freeTextStatusesStoredAtIngestMatchScoringTheTexts() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        try await database.saveScoredDemo(Self.channel(catalog), catalog: catalog)
        for message in catalog.sortedMessages {
            let (stored, scored) = try await Self.counts(database, message, catalog)
            #expect(!scored.isEmpty)
            #expect(stored == scored, "\(message.id)")
        }
        #expect(try await FreeTextBackfill(store: database, catalog: catalog).run() == 0)
    }

    @Test func theBackfillScoresFreeTextsStoredWithoutStatusesOnce() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        try await database.saveDemo(Self.channel(catalog))
        let message = try #require(catalog.messages["vault-3-launch"])
        #expect(try await Self.counts(database, message, catalog).stored.isEmpty)
        #expect(try await FreeTextBackfill(store: database, catalog: catalog).run() > 0)
        for message in catalog.sortedMessages {
            let (stored, scored) = try await Self.counts(database, message, catalog)
            #expect(stored == scored, "\(message.id)")
        }
        #expect(try await FreeTextBackfill(store: database, catalog: catalog).run() == 0)
    }

    @Test func quizOutcomesHoldEveryGradedAnswerOfAMessage() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        try await database.saveScoredDemo(Self.channel(catalog), catalog: catalog)
        for message in catalog.sortedMessages {
            let joined = try await database.reader.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM response r JOIN answer a ON a.response_id = r.id
                    WHERE r.message_id = ? AND a.correct IS NOT NULL AND a.key_point IS NOT NULL
                    """, arguments: [message.id]) ?? 0
            }
            let input = try await database.messageReportInput(message: message, surveys: catalog.surveys(forMessage: message.id), asOf: nil, freeTexts: false)
            #expect(joined > 0)
            #expect(input.answers.map(\.count).reduce(0, +) == joined, "\(message.id)")
            #expect(input.answers.filter { $0.days != nil }.count > 0)
        }
    }
}
