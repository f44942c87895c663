import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Stores the status per key point of a stored response's free-text answers (scored before the writer, see
    /// ``GradedResponse``), so the message report counts statuses instead of scoring texts. Runs in the response's transaction.
    static func storeFreeTextPoints(
        _ points: [String: [PointScore]], responseID: Int64, messageID: String?, personID: String, submittedAt: Date, _ db: Database
    ) throws {
        guard let messageID else { return }
        for (questionID, scores) in points.sorted(by: { $0.key < $1.key }) {
            try self.insertFreeTextPoints(
                scores, messageID: messageID, responseID: responseID, questionID: questionID, personID: personID,
                submittedAt: submittedAt.timeIntervalSince1970, db)
        }
    }

    /// Free-text answers stored without statuses (before the `v4-report-outcomes` migration, or copied in bulk);
    /// nil once ``storeBackfilledFreeTextPoints(_:)`` has run on this database, so nothing is left to do or write.
    public func unscoredFreeTexts() async throws -> [UnscoredFreeText]? {
        try await self.reader.read { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM setting WHERE key = ?", arguments: [Self.freeTextBackfillKey]) ?? false { return nil }
            var stored = Set<StoredAnswer>()
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT response_id, question_id FROM free_text_point") {
                stored.insert(StoredAnswer(response: row[0], question: row[1]))
            }
            return try Row.fetchAll(db, sql: """
                SELECT r.id, r.message_id, r.survey_id, r.person_id, r.submitted_at, a.question_id, a.text
                FROM response r JOIN answer a ON a.response_id = r.id
                WHERE a.kind = 'free_text' AND a.text IS NOT NULL AND r.message_id IS NOT NULL
                """).filter { !stored.contains(StoredAnswer(response: $0[0], question: $0[5])) }.map { row in
                UnscoredFreeText(
                    responseID: row[0], messageID: row[1], surveyID: row[2], personID: row[3], submittedAt: row[4], questionID: row[5], text: row[6])
            }
        }
    }

    /// Stores the statuses scored for ``unscoredFreeTexts()`` and records that the backfill is done, in one transaction;
    /// ingest keeps the table complete afterwards.
    public func storeBackfilledFreeTextPoints(_ scored: [(answer: UnscoredFreeText, points: [PointScore])]) async throws {
        try await self.writer.write { db in
            for (answer, points) in scored {
                try Self.insertFreeTextPoints(
                    points, messageID: answer.messageID, responseID: answer.responseID, questionID: answer.questionID,
                    personID: answer.personID, submittedAt: answer.submittedAt, db)
            }
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Self.freeTextBackfillKey, Data([1])])
        }
    }

    private static let freeTextBackfillKey = "free-text-points-backfilled"

    private struct StoredAnswer: Hashable {
        var response: Int64
        var question: String
    }

    private static func insertFreeTextPoints(
        _ points: [PointScore], messageID: String, responseID: Int64, questionID: String, personID: String, submittedAt: Double, _ db: Database
    ) throws {
        try self.insertRows(
            """
            INSERT OR REPLACE INTO free_text_point (message_id, response_id, question_id, key_point, person_id, submitted_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            points.map {
                [
                    .text(messageID), .integer(responseID), .text(questionID), .text($0.keyPointID), .text(personID), .real(submittedAt),
                    .text($0.status.kind.rawValue),
                ]
            }, db
        )
    }
}

/// A stored free-text answer whose key-point statuses were never scored.
public struct UnscoredFreeText: Sendable, Equatable {
    public var responseID: Int64
    public var messageID: String
    public var surveyID: String
    public var personID: String
    public var submittedAt: Double
    public var questionID: String
    public var text: String
}
