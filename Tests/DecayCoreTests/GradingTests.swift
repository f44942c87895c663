import Testing

@testable import DecayCore

@Suite("Grading")
struct GradingTests {
    let choice = Question(
        id: "q1", kind: .singleChoice, prompt: "Who?", options: [AnswerOption(id: "a", text: "A"), AnswerOption(id: "b", text: "B")],
        correct: ["a"], keyPoint: "target"
    )

    @Test func quizAnswersAreGraded() throws {
        #expect(try Grading.grade(.text("a"), for: self.choice).correct == true)
        #expect(try Grading.grade(.text("b"), for: self.choice).correct == false)
        #expect(try Grading.grade(.text("b"), for: self.choice).keyPoint == "target")
    }

    @Test func badAnswersNameTheQuestion() throws {
        #expect(throws: AnswerError(field: "answers.q1", message: "unknown option 'z' (expected one of a, b)")) {
            try Grading.grade(.text("z"), for: self.choice)
        }
        let scale = Question(id: "q2", kind: .scale, prompt: "How?", min: 1, max: 10)
        #expect(throws: AnswerError(field: "answers.q2", message: "expected a whole number from 1 to 10, got 11")) {
            try Grading.grade(.number(11), for: scale)
        }
        #expect(throws: AnswerError(field: "answers.q2", message: "expected a whole number from 1 to 10, got 8.5")) {
            try Grading.grade(.number(8.5), for: scale)
        }
        #expect(throws: AnswerError(field: "answers.q2", message: "expected a whole number from 1 to 10, got 7.25")) {
            try Grading.grade(.text("7.25"), for: scale)
        }
        #expect(try Grading.grade(.number(7), for: scale).number == 7)
    }

    @Test func optionsCanBeNamedByTheirText() throws {
        #expect(try Grading.grade(.text(" b "), for: self.choice).choices == ["b"])
        let question = Question(
            id: "q1", kind: .singleChoice, prompt: "Who?",
            options: [AnswerOption(id: "a", text: "Mid-market healthcare providers"), AnswerOption(id: "b", text: "Retail")],
            correct: ["a"], keyPoint: "target"
        )
        #expect(try Grading.grade(.text("mid-market healthcare providers"), for: question).correct == true)
        #expect(throws: AnswerError.self) { try Grading.grade(.list(["a", "b"]), for: question) }
        #expect(try Grading.grade(.text("8"), for: Question(id: "s", kind: .scale, prompt: "?", min: 1, max: 10)).number == 8)
    }

    @Test func yesNoUsesImplicitOptions() throws {
        let question = Question(id: "q3", kind: .yesNo, prompt: "Is it?", correct: ["no"], keyPoint: "k")
        #expect(try Grading.grade(.text("no"), for: question).correct == true)
        #expect(try Grading.grade(.bool(true), for: question).correct == false)
    }

    @Test func pulseChoicesAreNotGraded() throws {
        let question = Question(id: "q4", kind: .singleChoice, prompt: "How fast?", options: [AnswerOption(id: "a", text: "A"), AnswerOption(id: "b", text: "B")])
        #expect(try Grading.grade(.text("a"), for: question).correct == nil)
    }
}

@Suite("Graded responses")
struct GradedResponseTests {
    let catalog: ContentCatalog

    init() throws {
        self.catalog = try ContentCatalog.load(messagesDirectory: ContentFixtures.messages, surveysDirectory: ContentFixtures.surveys).get()
    }

    func response(_ answers: [String: AnswerValue], survey: String = "vault-3-check") -> SurveyResponseEvent {
        SurveyResponseEvent(survey: survey, person: "rep-1", submittedAt: .init(timeIntervalSince1970: 0), answers: answers)
    }

    @Test func gradesEveryAnswerInQuestionOrder() throws {
        let graded = try GradedResponse.grade(self.response(["q2": .text("a"), "q1": .text("a"), "q6": .number(7)]), catalog: self.catalog).get()
        #expect(graded.survey.id == "vault-3-check")
        #expect(graded.answers.map(\.questionID) == ["q1", "q2", "q6"])
        #expect(graded.answers.map(\.correct) == [true, false, nil])
    }

    /// Free texts are scored with the catalog's compiled scorers, exactly as a scorer built for the question would.
    @Test func scoresFreeTextAgainstTheQuestionsKeyPoints() throws {
        let text = "Vault 3 is for small retail shops"
        let graded = try GradedResponse.grade(self.response(["q1": .text("a"), "q5": .text(text)]), catalog: self.catalog).get()
        let question = try #require(self.catalog.surveys["vault-3-check"]?.question("q5"))
        let message = try #require(self.catalog.messages["vault-3-launch"])
        let expected = FidelityScorer(keyPoints: message.keyPoints.filter { question.keyPoints.contains($0.id) }).pointScores(text)
        #expect(graded.freeTextPoints == ["q5": expected])
        #expect(expected.contains { $0.status.kind == .distorted })
        #expect(graded.freeTextPoints["q1"] == nil, "quiz answers are not scored as text")
    }

    @Test func refusalsNameTheField() {
        func field(_ result: Result<GradedResponse, InboundError>) -> String? {
            guard case .failure(let error) = result else { return nil }
            return error.field
        }
        #expect(field(GradedResponse.grade(self.response(["q1": .text("a")], survey: "nope"), catalog: self.catalog)) == "survey")
        #expect(field(GradedResponse.grade(self.response([:]), catalog: self.catalog)) == "answers")
        #expect(field(GradedResponse.grade(self.response(["q9": .text("a")]), catalog: self.catalog)) == "answers.q9")
        #expect(field(GradedResponse.grade(self.response(["q1": .text("z")]), catalog: self.catalog)) == "answers.q1")
    }
}
