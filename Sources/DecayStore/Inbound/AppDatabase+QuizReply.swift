import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// One person's graded quiz answers to one survey, oldest first: what the chat quiz's next step is decided from.
    public func quizAnswers(person: String, survey: String) async throws -> [(question: String, correct: Bool)] {
        try await self.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.question_id, a.correct FROM answer a JOIN response r ON r.id = a.response_id
                WHERE r.person_id = ? AND r.survey_id = ? AND a.correct IS NOT NULL
                ORDER BY r.submitted_at, r.id
                """, arguments: [person, survey]).map { (question: $0["question_id"], correct: $0["correct"]) }
        }
    }

    /// Queues a reply to an inbound request (a Slack quiz step) in the outbox, once per idempotency key.
    public func queueReply(_ item: OutboxItem, now: Date) async throws {
        try await self.writer.write { db in _ = try Self.enqueue(item, now: now, db) }
    }
}
