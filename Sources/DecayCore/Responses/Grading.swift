/// Checks answers against their survey's questions and grades quiz answers at ingest.
public enum Grading {
    /// Grades one answer; the error names the question and what was expected.
    public static func grade(_ value: AnswerValue, for question: Question) throws(AnswerError) -> GradedAnswer {
        let field = "answers.\(question.id)"
        switch (question.kind, value) {
        case (.singleChoice, .choice(let ids)), (.multiChoice, .choice(let ids)), (.yesNo, .choice(let ids)):
            let valid = question.choices.map(\.id)
            guard !ids.isEmpty else { throw AnswerError(field: field, message: "expected an option id (\(valid.joined(separator: ", ")))") }
            for id in ids where !valid.contains(id) {
                throw AnswerError(field: field, message: "unknown option '\(id)' (expected one of \(valid.joined(separator: ", ")))")
            }
            if question.kind != .multiChoice && ids.count > 1 {
                throw AnswerError(field: field, message: "expected exactly one option, got \(ids.count)")
            }
            let chosen = Array(Set(ids)).sorted()
            let correct: Bool? = question.isQuiz ? chosen == question.correct.sorted() : nil
            return GradedAnswer(questionID: question.id, kind: question.kind, choices: chosen, keyPoint: question.keyPoint, correct: correct)
        case (.scale, .number(let number)):
            let low = Double(question.min ?? Int.min), high = Double(question.max ?? Int.max)
            guard number.isFinite, number >= low, number <= high else {
                throw AnswerError(field: field, message: "expected a number from \(question.min ?? 0) to \(question.max ?? 0), got \(number)")
            }
            return GradedAnswer(questionID: question.id, kind: .scale, number: number)
        case (.freeText, .text(let text)):
            guard text.utf8.count <= 4000 else { throw AnswerError(field: field, message: "text is longer than 4000 bytes") }
            return GradedAnswer(questionID: question.id, kind: .freeText, text: text)
        case (.scale, _):
            throw AnswerError(field: field, message: "expected a number")
        case (.freeText, _):
            throw AnswerError(field: field, message: "expected text")
        default:
            throw AnswerError(field: field, message: "expected an option id (\(question.choices.map(\.id).joined(separator: ", ")))")
        }
    }
}
