import Foundation
import Testing

@testable import DecayCore

/// Grouped quiz answers must give the message report exactly what the answers one by one give.
@Suite("Quiz answer groups")
struct QuizAnswerGroupsTests {
    typealias Row = (person: String, choice: String, submitted: Double, delivered: Double, hops: Int)

    /// 2,000 people reached over 0-2 hops answer q1 of the digest fixture at spread delays, with recall falling with
    /// the delay; every answer is stored three times an hour apart, as `decay bench reports` copies them.
    static let rows: [Row] = {
        var random = SeededRandom(seed: 11)
        let delivered = 1_790_000_000.0
        var rows: [Row] = []
        for person in 0..<2000 {
            let hops = person % 3
            let days = random.uniform(0.2, 60)
            let knows = random.chance(0.95 * pow(0.8, Double(hops)) / (1 + days / 10))
            let choice = knows || random.chance(1.0 / 3) ? "a" : (random.chance(0.5) ? "b" : "c")
            for copy in 0..<3 {
                rows.append(("p\(person)", choice, delivered + days * 86_400 + Double(copy) * 3600, delivered, hops))
            }
        }
        return rows
    }()

    static func report(_ answers: [MessageReportInput.QuizAnswer]) -> MessageReport {
        MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 40, seed: 3)).build(
            message: DigestFixtures.message, surveys: [DigestFixtures.survey], input: MessageReportInput(answers: answers, freeTexts: [], relays: []))
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-6 * max(1, abs(a))
    }

    @Test func groupedAnswersGiveTheSameReportAsSingleAnswers() throws {
        let single = Self.rows.map { row in
            MessageReportInput.QuizAnswer(
                personID: row.person, surveyID: "m1-check", questionID: "q1", keyPointID: "target", choices: [row.choice], correct: row.choice == "a",
                submittedAt: Date(timeIntervalSince1970: row.submitted), deliveredAt: Date(timeIntervalSince1970: row.delivered), hops: row.hops)
        }
        var groups = QuizAnswerGroups()
        for row in Self.rows {
            groups.add(
                personID: row.person, surveyID: "m1-check", questionID: "q1", keyPointID: "target", correct: row.choice == "a", choices: row.choice,
                submittedAt: row.submitted, deliveredAt: row.delivered, hops: row.hops)
        }
        let grouped = groups.answers
        #expect(grouped.count < single.count)
        #expect(grouped.map(\.count).reduce(0, +) == single.count)

        let one = Self.report(single)
        let other = Self.report(grouped)
        #expect(one.quizAnswers == other.quizAnswers && one.people == other.people)
        let first = try #require(one.keyPoints.first { $0.id == "target" })
        let second = try #require(other.keyPoints.first { $0.id == "target" })
        #expect(first.correctNow == second.correctNow)
        #expect(first.byHops == second.byHops)
        #expect(first.mostCommonWrongAnswer == second.mostCommonWrongAnswer)
        for (a, b) in [(first.halfLifeDays, second.halfLifeDays), (first.initialLearning, second.initialLearning), (one.retentionPerHop, other.retentionPerHop)] {
            #expect(a.value != nil, "\(a.note)")
            #expect(Self.close(a.value, b.value) && Self.close(a.low, b.low) && Self.close(a.high, b.high), "\(a) vs \(b)")
        }
    }

    @Test func aGroupKeepsItsCountLatestTimeMeanDelayAndWrongChoices() throws {
        var groups = QuizAnswerGroups()
        let delivered = 1_790_000_000.0
        for (offset, choice) in [(0.0, "b,c"), (3600.0, "b,c"), (7200.0, "a")] {
            groups.add(
                personID: "p1", surveyID: "s", questionID: "q", keyPointID: "k", correct: choice == "a", choices: choice,
                submittedAt: delivered + 86_400 + offset, deliveredAt: delivered, hops: 1)
        }
        groups.add(personID: "p2", surveyID: "s", questionID: "q", keyPointID: "k", correct: true, choices: "a", submittedAt: delivered, deliveredAt: nil, hops: nil)
        let answers = groups.answers
        #expect(answers.count == 3)
        let wrong = try #require(answers.first { !$0.correct })
        #expect(wrong.count == 2 && wrong.choices == ["b", "c"] && wrong.hops == 1)
        #expect(wrong.submittedAt == Date(timeIntervalSince1970: delivered + 86_400 + 3600))
        #expect(abs(try #require(wrong.days) - (1 + 1800.0 / 86_400)) < 1e-12)
        let undelivered = try #require(answers.first { $0.personID == "p2" })
        #expect(undelivered.days == nil && undelivered.hops == nil && undelivered.count == 1)
        #expect(MessageReportBuilder.latestPerPerson(answers).allSatisfy { $0.count == 1 })
    }
}
