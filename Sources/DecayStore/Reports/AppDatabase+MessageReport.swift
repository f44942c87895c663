import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Everything the message report needs, in three queries: graded quiz answers joined to the delivery they
    /// answered, free-text answers to questions scored against key points, and the message's relays.
    /// With `asOf`, answers and relays after it are left out (the digest of a past week).
    public func messageReportInput(message: Message, surveys: [Survey], asOf: Date? = nil) async throws -> MessageReportInput {
        try await self.reader.read { db in
            try Self.messageReportInput(message: message, surveys: surveys, asOf: asOf, db)
        }
    }

    static func messageReportInput(message: Message, surveys: [Survey], asOf: Date?, _ db: Database) throws -> MessageReportInput {
        let freeTextPoints = Dictionary(surveys.flatMap { survey in
            survey.questions.filter { $0.kind == .freeText && !$0.keyPoints.isEmpty }.map { ("\(survey.id)/\($0.id)", $0.keyPoints) }
        }, uniquingKeysWith: { first, _ in first })
        let cutoff = asOf?.timeIntervalSince1970 ?? .greatestFiniteMagnitude
        let answers = try Row.fetchCursor(db, sql: """
            SELECT r.person_id, r.survey_id, a.question_id, a.key_point, a.choices, a.correct, r.submitted_at, d.delivered_at, d.hops
            FROM response r
            JOIN answer a ON a.response_id = r.id
            LEFT JOIN delivery d ON d.message_id = r.message_id AND d.message_version = r.message_version AND d.person_id = r.person_id
            WHERE r.message_id = ? AND a.correct IS NOT NULL AND a.key_point IS NOT NULL AND r.submitted_at <= ?
            """, arguments: [message.id, cutoff]).map { row in
            MessageReportInput.QuizAnswer(
                personID: row[0], surveyID: row[1], questionID: row[2], keyPointID: row[3],
                choices: (row[4] as String?)?.split(separator: ",").map(String.init) ?? [], correct: row[5],
                submittedAt: Date(timeIntervalSince1970: row[6]), deliveredAt: (row[7] as Double?).map(Date.init(timeIntervalSince1970:)),
                hops: row[8]
            )
        }
        let quiz = try Array(answers)
        var freeTexts: [(person: String, keyPoints: [String], text: String)] = []
        let texts = try Row.fetchCursor(db, sql: """
            SELECT r.survey_id, a.question_id, a.text, r.person_id FROM response r JOIN answer a ON a.response_id = r.id
            WHERE r.message_id = ? AND a.kind = 'free_text' AND a.text IS NOT NULL AND r.submitted_at <= ?
            """, arguments: [message.id, cutoff])
        while let row = try texts.next() {
            if let points = freeTextPoints["\(row[0] as String)/\(row[1] as String)"] {
                freeTexts.append((row[3], points, row[2]))
            }
        }
        let relays = try Row.fetchAll(db, sql: """
            SELECT relay.from_person, relay.relayed_at, relay.text, COUNT(relay_recipient.person_id) AS recipients
            FROM relay LEFT JOIN relay_recipient ON relay_recipient.relay_id = relay.id
            WHERE relay.message_id = ? AND relay.relayed_at <= ? GROUP BY relay.id ORDER BY relay.relayed_at
            """, arguments: [message.id, cutoff]).map { row in
            MessageReportInput.Relay(from: row[0], at: Date(timeIntervalSince1970: row[1]), recipients: row[3], text: row[2])
        }
        return MessageReportInput(answers: quiz, freeTexts: freeTexts, relays: relays)
    }
}
