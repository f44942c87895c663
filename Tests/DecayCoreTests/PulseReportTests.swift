import Foundation
import Testing

@testable import DecayCore

@Suite("Pulse report")
struct PulseReportTests {
    static let asOf = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-21T00:00:00Z

    static let survey = Survey(
        id: "pulse", title: "Pulse", message: nil,
        questions: [
            Question(id: "q1", kind: .scale, prompt: "Importance", min: 1, max: 10),
            Question(id: "q2", kind: .singleChoice, prompt: "Compensation", options: [AnswerOption(id: "a", text: "Yes"), AnswerOption(id: "b", text: "No")]),
            Question(id: "q3", kind: .freeText, prompt: "Anything else?"),
        ])

    static func answer(_ person: String, partner: String, _ question: String, number: Double? = nil, choices: [String] = [], text: String? = nil,
                       day: String) -> PulseAnswer {
        PulseAnswer(
            personID: person, partnerID: partner, partnerName: partner.capitalized, category: partner == "small" ? "var" : "msp", tier: "gold",
            surveyID: "pulse", questionID: question, choices: choices, number: number, text: text,
            submittedAt: try! Date(day + "T12:00:00Z", strategy: .iso8601))
    }

    @Test func quartersAndStudentT() {
        let quarter = CalendarQuarter(containing: Self.asOf)
        #expect(quarter.description == "2026-Q4")
        #expect(quarter.previous.description == "2026-Q3")
        #expect(CalendarQuarter(year: 2026, quarter: 1).previous.description == "2025-Q4")
        #expect(quarter.start == (try! Date("2026-10-01T00:00:00Z", strategy: .iso8601)))
        #expect(quarter.end == (try! Date("2027-01-01T00:00:00Z", strategy: .iso8601)))
        #expect(StudentT.quantile975(degreesOfFreedom: 2) == 4.303)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 40) - 2.021) < 0.001)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 120) - 1.980) < 0.001)
        let mean = MeanFigure([7, 8, 9])
        #expect(mean.mean == 8)
        #expect(abs((mean.high ?? 0) - (8 + 4.303 / 3.0.squareRoot())) < 1e-9)
        #expect(MeanFigure([7, 8]).mean == nil, "never from fewer than 3 people")
        #expect(MeanFigure([9, 10, 10], within: 1...10).high == 10, "an interval stays on the scale")
    }

    @Test func latestAnswerPerPersonAndQuarterWithChangeAndTheDisplayRule() throws {
        let answers = [
            Self.answer("r1", partner: "big", "q1", number: 4, day: "2026-08-01"),
            Self.answer("r2", partner: "big", "q1", number: 5, day: "2026-08-02"),
            Self.answer("r3", partner: "big", "q1", number: 6, day: "2026-08-03"),
            Self.answer("r1", partner: "big", "q1", number: 2, day: "2026-10-05"),
            Self.answer("r1", partner: "big", "q1", number: 8, day: "2026-11-01"),
            Self.answer("r2", partner: "big", "q1", number: 9, day: "2026-11-02"),
            Self.answer("r3", partner: "big", "q1", number: 10, day: "2026-11-03"),
            Self.answer("r4", partner: "small", "q1", number: 1, day: "2026-11-03"),
            Self.answer("r5", partner: "small", "q1", number: 1, day: "2026-11-30"),
            Self.answer("r1", partner: "big", "q2", choices: ["a"], day: "2026-11-01"),
            Self.answer("r2", partner: "big", "q2", choices: ["b"], day: "2026-11-01"),
            Self.answer("r3", partner: "big", "q2", choices: ["a"], day: "2026-11-01"),
            Self.answer("r4", partner: "small", "q2", choices: ["b"], day: "2026-11-01"),
            Self.answer("r4", partner: "small", "q3", text: "More demo licences", day: "2026-11-04"),
            Self.answer("r1", partner: "big", "q3", text: "  ", day: "2026-11-04"),
        ]
        let report = PulseReport(surveys: [Self.survey], answers: answers, asOf: Self.asOf)
        let survey = try #require(report.surveys.first)
        #expect(survey.questions.map(\.id) == ["q1", "q2"], "free text is listed, not charted")
        let scale = survey.questions[0]
        #expect(scale.overall.people == 4, "r5 answered after as-of; r1 counts once, with the latest answer")
        #expect(scale.overall.mean?.mean == 7.0, "(8 + 9 + 10 + 1) / 4")
        let big = try #require(scale.partners.first { $0.id == "big" })
        #expect(big.mean?.mean == 9)
        #expect(big.previousMean?.mean == 5)
        #expect(big.meanChange == 4)
        #expect(big.distribution?.first { $0.value == 9 }?.count == 1)
        #expect(big.distribution?.count == 10)
        let small = try #require(scale.partners.first { $0.id == "small" })
        #expect(small.withheld == "fewer than 3 people")
        #expect(small.mean?.mean == nil && small.distribution == nil)
        #expect(scale.categories.map(\.id) == ["msp", "var"])

        let choice = survey.questions[1]
        let bigChoice = try #require(choice.partners.first { $0.id == "big" })
        #expect(bigChoice.shares?.first { $0.option == "a" }?.share.successes == 2)
        #expect(bigChoice.shares?.first { $0.option == "a" }?.previous == nil, "no one answered q2 last quarter")
        #expect(choice.partners.first { $0.id == "small" }?.shares == nil, "even counts would say what one person answered")
        #expect(choice.overall.shares?.first { $0.option == "b" }?.share.successes == 2)
        #expect(survey.comments.map(\.text) == ["More demo licences"])
    }
}
