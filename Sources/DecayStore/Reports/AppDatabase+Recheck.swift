import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Every graded quiz answer and every delivery of `messages` up to `asOf`, and the reps, in one read.
    public func recheckInput(messages: [String], asOf: Date) async throws -> RecheckInput {
        guard !messages.isEmpty else { return RecheckInput(answers: [], deliveries: [], reps: []) }
        return try await self.reader.read { db in
            let marks = databaseQuestionMarks(count: messages.count)
            let arguments = StatementArguments(messages) + [asOf.timeIntervalSince1970]
            var answers: [RecheckInput.Answer] = []
            var shared = StringInterner()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.person_id, r.message_id, a.key_point, a.question_id, a.correct, r.submitted_at
                FROM answer a JOIN response r ON r.id = a.response_id
                WHERE r.message_id IN (\(marks)) AND r.submitted_at <= ? AND a.key_point IS NOT NULL AND a.correct IS NOT NULL
                """, arguments: arguments)
            while let row = try rows.next() {
                answers.append(RecheckInput.Answer(
                    person: row[0], message: shared.intern(row[1]), keyPoint: shared.intern(row[2]), question: shared.intern(row[3]),
                    correct: row[4], at: Date(timeIntervalSince1970: row[5])))
            }
            let deliveries = try Row.fetchAll(db, sql: """
                SELECT person_id, message_id, delivered_at, hops FROM delivery WHERE message_id IN (\(marks)) AND delivered_at <= ?
                """, arguments: arguments).map { row in
                RecheckInput.Delivery(person: row[0], message: row[1], at: Date(timeIntervalSince1970: row[2]), hops: row[3])
            }
            let reps = try Row.fetchAll(db, sql: "SELECT id, name, partner_id, timezone FROM person WHERE role = 'rep'").map { row in
                RecheckInput.Rep(id: row["id"], name: row["name"], partner: row["partner_id"], timezone: row["timezone"])
            }
            // Columns are read by position: 800,000 answers decoded by name spend most of the read lowercasing names.
            return RecheckInput(answers: answers, deliveries: deliveries, reps: reps)
        }
    }
}

/// One copy of each repeated string (message, key point and question ids recur on every answer row), so a read of a
/// million answers shares a few strings instead of allocating one per row.
struct StringInterner {
    private var seen: Set<String> = []

    mutating func intern(_ text: String) -> String {
        if let existing = self.seen.firstIndex(of: text) { return self.seen[existing] }
        self.seen.insert(text)
        return text
    }
}
