/// A quiz or pulse survey as shipped in `surveys/<id>.yaml`.
public struct Survey: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// The message this survey checks, if it is a quiz.
    public var message: String?
    public var questions: [Question]

    public init(id: String, title: String, message: String? = nil, questions: [Question]) {
        self.id = id
        self.title = title
        self.message = message
        self.questions = questions
    }

    public func question(_ id: String) -> Question? {
        self.questions.first { $0.id == id }
    }
}

public enum QuestionKind: String, Sendable, Codable, CaseIterable {
    case singleChoice = "single_choice"
    case multiChoice = "multi_choice"
    case scale
    case freeText = "free_text"
    case yesNo = "yes_no"

    public var hasOptions: Bool { self == .singleChoice || self == .multiChoice }
}

public struct Question: Sendable, Equatable, Codable {
    public var id: String
    public var kind: QuestionKind
    public var prompt: String
    public var options: [AnswerOption]
    /// Correct option ids (`yes`/`no` for yes_no); empty for pulse questions.
    public var correct: [String]
    /// The key point a quiz question checks.
    public var keyPoint: String?
    /// The key points a free-text answer is scored against.
    public var keyPoints: [String]
    public var min: Int?
    public var max: Int?

    public init(
        id: String, kind: QuestionKind, prompt: String, options: [AnswerOption] = [], correct: [String] = [],
        keyPoint: String? = nil, keyPoints: [String] = [], min: Int? = nil, max: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.correct = correct
        self.keyPoint = keyPoint
        self.keyPoints = keyPoints
        self.min = min
        self.max = max
    }

    /// A quiz question is graded right/wrong against one key point; others are pulse or free text.
    public var isQuiz: Bool { self.keyPoint != nil && !self.correct.isEmpty }

    /// Options a respondent can pick from, including the implicit yes/no pair.
    public var choices: [AnswerOption] {
        self.kind == .yesNo ? [AnswerOption(id: "yes", text: "Yes"), AnswerOption(id: "no", text: "No")] : self.options
    }
}

public struct AnswerOption: Sendable, Equatable, Codable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
