import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Inserts a graded response and its answers; returns nil when `(source, externalID)` was already stored.
    /// The response row also keeps its count of graded and correct answers, so engagement reads need not scan answers.
    static func insertResponse(
        source: String, externalID: String, surveyID: String, personID: String, messageID: String?, messageVersion: Int?,
        submittedAt: Date, receivedAt: Date, inboundID: Int64?, answers: [GradedAnswer], _ db: Database
    ) throws -> Int64? {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO response (source, external_id, survey_id, person_id, message_id, message_version, submitted_at, received_at,
                                  inbound_id, quiz_answers, quiz_correct)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source, external_id) DO NOTHING
            """)
        let graded = answers.filter { $0.correct != nil }
        try insert.execute(arguments: [
            source, externalID, surveyID, personID, messageID, messageVersion,
            submittedAt.timeIntervalSince1970, receivedAt.timeIntervalSince1970, inboundID,
            graded.count, graded.filter { $0.correct == true }.count,
        ])
        guard db.changesCount > 0 else { return nil }
        let responseID = db.lastInsertedRowID
        for start in stride(from: 0, to: answers.count, by: Self.answersPerInsert) {
            let rows = answers[start..<min(start + Self.answersPerInsert, answers.count)]
            var arguments: [(any DatabaseValueConvertible)?] = []
            arguments.reserveCapacity(rows.count * 8)
            for item in rows {
                arguments += [
                    responseID, item.questionID, item.kind.rawValue, item.choices.isEmpty ? nil : item.choices.joined(separator: ","),
                    item.number, item.text, item.keyPoint, item.correct,
                ]
            }
            try self.answerInsert(rows: rows.count, db).execute(arguments: StatementArguments(arguments))
        }
        return responseID
    }

    /// Rows per multi-row INSERT, well under SQLite's limit on bound variables.
    static let answersPerInsert = 64

    /// One multi-row INSERT for a response's answers (cached per row count): a response is a handful of answers,
    /// and one statement per answer was a visible share of the single writer's time.
    private static func answerInsert(rows: Int, _ db: Database) throws -> Statement {
        let row = "(?, ?, ?, ?, ?, ?, ?, ?)"
        return try db.cachedStatement(sql: """
            INSERT INTO answer (response_id, question_id, kind, choices, number, text, key_point, correct)
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            """)
    }
}
