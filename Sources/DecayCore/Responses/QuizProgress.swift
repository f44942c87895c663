/// Where one person stands in one quiz: their latest answer to each quiz question (right or wrong), the next question
/// to ask, and, once all are answered, the score and the key point to remember. Pure; the Slack quiz follows it.
public struct QuizProgress: Sendable, Equatable {
    public var survey: Survey
    /// Question id to whether the latest answer was right.
    public var answered: [String: Bool]

    /// `answers` in time order: a later answer to the same question replaces an earlier one.
    public init(survey: Survey, answers: [(question: String, correct: Bool)]) {
        self.survey = survey
        var answered: [String: Bool] = [:]
        for answer in answers where survey.questions.contains(where: { $0.id == answer.question && $0.isQuiz }) {
            answered[answer.question] = answer.correct
        }
        self.answered = answered
    }

    /// The quiz questions that can be answered with one click (single choice or yes/no), in the survey's order.
    public var clickable: [Question] {
        self.survey.questions.filter { $0.isQuiz && ($0.kind == .singleChoice || $0.kind == .yesNo) }
    }

    /// The first clickable question not answered yet; nil when the quiz is done.
    public var next: Question? {
        self.clickable.first { self.answered[$0.id] == nil }
    }

    public var right: Int { self.clickable.filter { self.answered[$0.id] == true }.count }
    public var total: Int { self.clickable.count }

    /// The key point behind the first question answered wrong, in the survey's order; nil when all were right.
    public var toRemember: String? {
        self.clickable.first { self.answered[$0.id] == false }?.keyPoint
    }
}
