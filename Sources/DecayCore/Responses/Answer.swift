/// What a respondent gave for one question, as the source sent it: grading maps it onto the question
/// (an option may be named by id or by its text, a scale value may arrive as text).
public enum AnswerValue: Sendable, Equatable, Codable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([String])
}

/// One answer after grading against its question: quiz answers carry `correct`, free text is kept for fidelity scoring.
public struct GradedAnswer: Sendable, Equatable, Codable {
    public var questionID: String
    public var kind: QuestionKind
    /// Chosen option ids (`yes`/`no` for yes_no).
    public var choices: [String]
    public var number: Double?
    public var text: String?
    /// The key point a quiz answer tells about.
    public var keyPoint: String?
    /// Nil for pulse and free-text answers.
    public var correct: Bool?

    public init(
        questionID: String, kind: QuestionKind, choices: [String] = [], number: Double? = nil, text: String? = nil,
        keyPoint: String? = nil, correct: Bool? = nil
    ) {
        self.questionID = questionID
        self.kind = kind
        self.choices = choices
        self.number = number
        self.text = text
        self.keyPoint = keyPoint
        self.correct = correct
    }
}

/// Why an answer could not be accepted; `field` names the question.
public struct AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(self.field): \(self.message)" }
}
