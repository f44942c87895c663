import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Earlier versions of `message` and who said what last up to `asOf`; nil when no earlier version is stored.
    public func oldVersionEvidence(message: Message, surveys: [Survey], asOf: Date) async throws -> OldVersionEvidence? {
        try await self.reader.read { db in
            try Self.oldVersionEvidence(message: message, surveys: surveys, cutoff: asOf.timeIntervalSince1970, db)
        }
    }

    /// What it takes to find who still carries an older version of `message` up to `cutoff`: its stored earlier
    /// versions, each person's latest answer per quiz question, the free texts and the relays. Nil when no earlier
    /// version is stored (nothing can linger), so a message with one version costs one small query.
    static func oldVersionEvidence(message: Message, surveys: [Survey], cutoff: Double, _ db: Database) throws -> OldVersionEvidence? {
        let previous = try Self.messageVersions(messageID: message.id, db).filter { $0.version < message.version }.compactMap(\.content)
        guard !previous.isEmpty else { return nil }
        let quizAnswers = try Row.fetchAll(db, sql: """
            SELECT person_id, survey_id, question_id, choices, correct, MAX(submitted_at) AS at FROM quiz_outcome
            WHERE message_id = ? AND submitted_at <= ? GROUP BY person_id, survey_id, question_id
            """, arguments: [message.id, cutoff]).map { row in
            OldVersionEvidence.QuizAnswer(
                person: row["person_id"], survey: row["survey_id"], question: row["question_id"],
                choices: (row["choices"] as String?)?.split(separator: ",").map(String.init) ?? [], correct: row["correct"],
                at: Date(timeIntervalSince1970: row["at"]))
        }
        let freeTextPoints = Self.freeTextKeyPoints(surveys)
        var texts: [OldVersionEvidence.Text] = []
        let answers = try Row.fetchCursor(db, sql: """
            SELECT r.survey_id, a.question_id, a.text, r.person_id, r.submitted_at FROM response r JOIN answer a ON a.response_id = r.id
            WHERE r.message_id = ? AND a.kind = 'free_text' AND a.text IS NOT NULL AND r.submitted_at <= ?
            """, arguments: [message.id, cutoff])
        while let row = try answers.next() {
            guard let points = freeTextPoints["\(row[0] as String)/\(row[1] as String)"] else { continue }
            texts.append(OldVersionEvidence.Text(
                person: row[3], keyPoints: points, text: row[2], at: Date(timeIntervalSince1970: row[4]), isRelay: false))
        }
        let relays = try Row.fetchCursor(
            db, sql: "SELECT from_person, text, relayed_at FROM relay WHERE message_id = ? AND relayed_at <= ?", arguments: [message.id, cutoff])
        while let row = try relays.next() {
            texts.append(OldVersionEvidence.Text(person: row[0], keyPoints: nil, text: row[1], at: Date(timeIntervalSince1970: row[2]), isRelay: true))
        }
        return OldVersionEvidence(previous: previous, quizAnswers: quizAnswers, texts: texts)
    }
}
