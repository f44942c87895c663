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

    /// Scores the free-text answers that have no stored statuses yet (stored before the `v4-report-outcomes`
    /// migration, or copied in bulk), each distinct text once per question; returns how many answers it scored.
    /// Runs once per database: a setting records that it is done, and ingest keeps the table complete afterwards.
    @discardableResult
    public func backfillFreeTextPoints(catalog: ContentCatalog) async throws -> Int {
        try await self.writer.write { db in
            let done = try Bool.fetchOne(db, sql: "SELECT 1 FROM setting WHERE key = ?", arguments: [Self.freeTextBackfillKey]) ?? false
            if done { return 0 }
            var stored = Set<StoredAnswer>()
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT response_id, question_id FROM free_text_point") {
                stored.insert(StoredAnswer(response: row[0], question: row[1]))
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, r.message_id, r.survey_id, r.person_id, r.submitted_at, a.question_id, a.text
                FROM response r JOIN answer a ON a.response_id = r.id
                WHERE a.kind = 'free_text' AND a.text IS NOT NULL AND r.message_id IS NOT NULL
                """).filter { !stored.contains(StoredAnswer(response: $0[0], question: $0[5])) }
            var scored: [String: [PointScore]] = [:]
            var count = 0
            for row in rows {
                let messageID: String = row[1]
                let surveyID: String = row[2]
                let questionID: String = row[5]
                let text: String = row[6]
                let key = "\(surveyID)\u{0}\(questionID)\u{0}\(text)"
                guard let points = scored[key] ?? catalog.freeTextScoring.points(survey: surveyID, question: questionID, text: text) else {
                    continue
                }
                scored[key] = points
                try Self.insertFreeTextPoints(
                    points, messageID: messageID, responseID: row[0], questionID: questionID, personID: row[3], submittedAt: row[4], db)
                count += 1
            }
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [Self.freeTextBackfillKey, Data([1])])
            return count
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
