import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Answers to the given surveys by people at a partner, submitted in `from...through`, with their partner.
    public func pulseAnswers(surveys: [String], from: Date, through: Date) async throws -> [PulseAnswer] {
        guard !surveys.isEmpty else { return [] }
        return try await self.reader.read { db in
            let marks = databaseQuestionMarks(count: surveys.count)
            let arguments = StatementArguments(surveys) + [from.timeIntervalSince1970, through.timeIntervalSince1970]
            return try Row.fetchAll(db, sql: """
                SELECT r.person_id, r.survey_id, r.submitted_at, a.question_id, a.choices, a.number, a.text,
                       p.partner_id, pt.name AS partner_name, pt.category, pt.tier
                FROM response r
                JOIN answer a ON a.response_id = r.id
                JOIN person p ON p.id = r.person_id
                JOIN partner pt ON pt.id = p.partner_id
                WHERE r.survey_id IN (\(marks)) AND r.submitted_at >= ? AND r.submitted_at <= ?
                ORDER BY r.submitted_at, r.id, a.question_id
                """, arguments: arguments).map { row in
                PulseAnswer(
                    personID: row["person_id"], partnerID: row["partner_id"], partnerName: row["partner_name"],
                    category: row["category"] ?? "", tier: row["tier"] ?? "", surveyID: row["survey_id"], questionID: row["question_id"],
                    choices: (row["choices"] as String?).map { $0.split(separator: ",").map(String.init) } ?? [],
                    number: row["number"], text: row["text"], submittedAt: Date(timeIntervalSince1970: row["submitted_at"])
                )
            }
        }
    }
}
