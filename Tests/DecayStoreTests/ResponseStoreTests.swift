import DecayCore
@testable import DecayStore
import Foundation
import GRDB
import Testing

@Suite("Responses in the store")
struct ResponseStoreTests {
    /// Many answers of mixed kinds: every answer is stored once, with its own values, and the response keeps its quiz totals.
    @Test func storesEveryAnswerWithItsOwnValues() async throws {
        let database = try await TestDatabase.open()
        let count = 131
        let answers = (0..<count).map { index in
            index.isMultiple(of: 2)
                ? GradedAnswer(questionID: "q\(index)", kind: .singleChoice, choices: ["a"], keyPoint: "kp", correct: index.isMultiple(of: 4))
                : GradedAnswer(questionID: "q\(index)", kind: .scale, number: Double(index))
        }
        let stored = try await database.writer.write { db -> (Int64?, [Row], Row?) in
            try db.execute(sql: "INSERT INTO partner (id, name, updated_at) VALUES ('p', 'P', 0)")
            try db.execute(sql: "INSERT INTO person (id, name, partner_id, role, updated_at) VALUES ('rep', 'Rep', 'p', 'rep', 0)")
            let id = try AppDatabase.insertResponse(
                source: "test", externalID: "r1", surveyID: "s", personID: "rep", messageID: nil, messageVersion: nil,
                submittedAt: Date(timeIntervalSince1970: 1), receivedAt: Date(timeIntervalSince1970: 2), inboundID: nil, answers: answers, db
            )
            let rows = try Row.fetchAll(db, sql: "SELECT question_id, choices, number, correct FROM answer WHERE response_id = ?", arguments: [id])
            let totals = try Row.fetchOne(db, sql: "SELECT quiz_answers, quiz_correct FROM response WHERE id = ?", arguments: [id])
            return (id, rows, totals)
        }
        #expect(stored.0 != nil)
        #expect(stored.1.count == count)
        let byQuestion = Dictionary(uniqueKeysWithValues: stored.1.map { ($0["question_id"] as String, $0) })
        for index in 0..<count {
            let row = try #require(byQuestion["q\(index)"])
            if index.isMultiple(of: 2) {
                #expect(row["choices"] as String? == "a")
                #expect(row["correct"] as Bool? == index.isMultiple(of: 4))
            } else {
                #expect(row["number"] as Double? == Double(index))
                #expect(row["correct"] as Bool? == nil)
            }
        }
        let graded = (0..<count).filter { $0.isMultiple(of: 2) }
        #expect(stored.2?["quiz_answers"] as Int? == graded.count)
        #expect(stored.2?["quiz_correct"] as Int? == graded.filter { $0.isMultiple(of: 4) }.count)
    }
}
