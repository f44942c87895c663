import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Inserts a graded response and its answers; returns nil when `(source, externalID)` was already stored.
    /// The response row also keeps its count of graded and correct answers, so engagement reads need not scan answers,
    /// and a message's graded answers are copied to `quiz_outcome`, where the message report reads them in one range.
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
        try insert.run([
            .text(source), .text(externalID), .text(surveyID), .text(personID), .init(messageID), .init(messageVersion),
            .real(submittedAt.timeIntervalSince1970), .real(receivedAt.timeIntervalSince1970), .init(inboundID),
            .init(graded.count), .init(graded.filter { $0.correct == true }.count),
        ])
        guard db.changesCount > 0 else { return nil }
        let responseID = db.lastInsertedRowID
        try self.insertRows("""
            INSERT INTO answer (response_id, question_id, kind, choices, number, text, key_point, correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, answers.map { item in
            [
                .integer(responseID), .text(item.questionID), .text(item.kind.rawValue),
                .init(item.choices.isEmpty ? nil : item.choices.joined(separator: ",")),
                .init(item.number), .init(item.text), .init(item.keyPoint), .init(item.correct),
            ]
        }, db)
        if let messageID {
            let quiz = answers.compactMap { item -> [SQLiteValue]? in
                guard let correct = item.correct, let keyPoint = item.keyPoint else { return nil }
                return [
                    .text(messageID), .integer(responseID), .text(item.questionID), .init(messageVersion), .text(personID), .text(surveyID),
                    .real(submittedAt.timeIntervalSince1970), .text(keyPoint), .init(correct),
                    .init(item.choices.isEmpty ? nil : item.choices.joined(separator: ",")),
                ]
            }
            try self.insertRows("""
                INSERT INTO quiz_outcome (message_id, response_id, question_id, message_version, person_id, survey_id, submitted_at,
                                          key_point, correct, choices)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, quiz, db)
        }
        return responseID
    }
}
