import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Everything the message report needs: graded quiz answers grouped with their route (``QuizAnswerGroups``),
    /// free-text statuses counted per key point as stored at ingest, and the message's relays.
    /// With `asOf`, answers and relays after it are left out (the digest of a past week); with `freeTexts`, also the
    /// free-text answers themselves (the digest scores its own reps' texts for distortions).
    public func messageReportInput(message: Message, surveys: [Survey], asOf: Date?, freeTexts: Bool) async throws -> MessageReportInput {
        try await self.reader.read { db in
            try Self.messageReportInput(message: message, surveys: surveys, asOf: asOf, freeTexts: freeTexts, db)
        }
    }

    /// With `freeTexts`, also the free-text answers themselves (the digest scores its own reps' texts for distortions).
    static func messageReportInput(message: Message, surveys: [Survey], asOf: Date?, freeTexts: Bool, _ db: Database) throws -> MessageReportInput {
        let cutoff = asOf?.timeIntervalSince1970 ?? .greatestFiniteMagnitude
        let relays = try Row.fetchAll(db, sql: """
            SELECT relay.from_person, relay.relayed_at, relay.text, COUNT(relay_recipient.person_id) AS recipients
            FROM relay LEFT JOIN relay_recipient ON relay_recipient.relay_id = relay.id
            WHERE relay.message_id = ? AND relay.relayed_at <= ? GROUP BY relay.id ORDER BY relay.relayed_at
            """, arguments: [message.id, cutoff]).map { row in
            MessageReportInput.Relay(from: row[0], at: Date(timeIntervalSince1970: row[1]), recipients: row[3], text: row[2])
        }
        return MessageReportInput(
            answers: try Self.quizAnswerGroups(messageID: message.id, cutoff: cutoff, db),
            freeTexts: freeTexts ? try Self.freeTexts(messageID: message.id, surveys: surveys, cutoff: cutoff, db) : [],
            freeTextCounts: try Self.freeTextCounts(messageID: message.id, cutoff: cutoff, db),
            relays: relays,
            oldVersions: try Self.oldVersionEvidence(message: message, surveys: surveys, cutoff: cutoff, db),
            versions: try Self.messageVersions(messageID: message.id, db)
        )
    }

    /// Every stored version of the message, oldest first, with its content read back (nil if it no longer decodes).
    static func messageVersions(messageID: String, _ db: Database) throws -> [MessageReportInput.Version] {
        let decoder = JSONDecoder()
        return try Row.fetchAll(
            db, sql: "SELECT version, title, loaded_at, content FROM message_version WHERE message_id = ? ORDER BY version", arguments: [messageID]
        ).map { row in
            MessageReportInput.Version(
                version: row[0], title: row[1], loadedAt: Date(timeIntervalSince1970: row[2]),
                content: try? decoder.decode(Message.self, from: Data((row[3] as String).utf8)))
        }
    }

    /// The message's graded quiz answers from `quiz_outcome` (one contiguous range, a response's answers together),
    /// each response joined in memory to the delivery of the version it answered, summed into groups.
    private static func quizAnswerGroups(messageID: String, cutoff: Double, _ db: Database) throws -> [MessageReportInput.QuizAnswer] {
        var routes: [RouteKey: (deliveredAt: Double, hops: Int)] = [:]
        let deliveries = try Row.fetchCursor(
            db, sql: "SELECT message_version, person_id, delivered_at, hops FROM delivery WHERE message_id = ?", arguments: [messageID])
        while let row = try deliveries.next() {
            routes[RouteKey(version: row[0], person: row[1])] = (row[2], row[3])
        }
        var groups = QuizAnswerGroups()
        let answers = try Row.fetchCursor(db, sql: """
            SELECT response_id, question_id, key_point, correct, choices, person_id, survey_id, submitted_at, message_version
            FROM quiz_outcome WHERE message_id = ? AND submitted_at <= ?
            """, arguments: [messageID, cutoff])
        var response: (id: Int64, person: String, survey: String, submittedAt: Double, route: (deliveredAt: Double, hops: Int)?)?
        while let row = try answers.next() {
            let id: Int64 = row[0]
            if response?.id != id {
                let person: String = row[5]
                let version: Int? = row[8]
                response = (id, person, row[6], row[7], version.flatMap { routes[RouteKey(version: $0, person: person)] })
            }
            guard let response else { continue }
            groups.add(
                personID: response.person, surveyID: response.survey, questionID: row[1], keyPointID: row[2], correct: row[3], choices: row[4],
                submittedAt: response.submittedAt, deliveredAt: response.route?.deliveredAt, hops: response.route?.hops)
        }
        return groups.answers
    }

    private struct RouteKey: Hashable {
        var version: Int
        var person: String
    }

    /// Stored free-text statuses of the message, counted per key point and status.
    private static func freeTextCounts(messageID: String, cutoff: Double, _ db: Database) throws -> [String: [PointStatus.Kind: Int]] {
        var counts: [String: [PointStatus.Kind: Int]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT key_point, status, COUNT(*) FROM free_text_point WHERE message_id = ? AND submitted_at <= ? GROUP BY key_point, status
            """, arguments: [messageID, cutoff])
        while let row = try rows.next() {
            guard let kind = PointStatus.Kind(rawValue: row[1]) else { continue }
            counts[row[0], default: [:]][kind] = row[2]
        }
        return counts
    }

    /// Free-text answers to the message's questions that are scored against key points.
    private static func freeTexts(
        messageID: String, surveys: [Survey], cutoff: Double, _ db: Database
    ) throws -> [(person: String, keyPoints: [String], text: String)] {
        let freeTextPoints = Self.freeTextKeyPoints(surveys)
        var result: [(person: String, keyPoints: [String], text: String)] = []
        let texts = try Row.fetchCursor(db, sql: """
            SELECT r.survey_id, a.question_id, a.text, r.person_id FROM response r JOIN answer a ON a.response_id = r.id
            WHERE r.message_id = ? AND a.kind = 'free_text' AND a.text IS NOT NULL AND r.submitted_at <= ?
            """, arguments: [messageID, cutoff])
        while let row = try texts.next() {
            if let points = freeTextPoints["\(row[0] as String)/\(row[1] as String)"] {
                result.append((row[3], points, row[2]))
            }
        }
        return result
    }

    /// The key points each free-text question (`survey/question`) is scored against.
    static func freeTextKeyPoints(_ surveys: [Survey]) -> [String: [String]] {
        Dictionary(surveys.flatMap { survey in
            survey.questions.filter { $0.kind == .freeText && !$0.keyPoints.isEmpty }.map { ("\(survey.id)/\($0.id)", $0.keyPoints) }
        }, uniquingKeysWith: { first, _ in first })
    }
}
