import Foundation

/// Checks answers against their survey's questions and grades quiz answers at ingest.
public enum Grading {
    /// Grades one answer; the error names the question (`answers.<id>`) and what was expected.
    public static func grade(_ value: AnswerValue, for question: Question) throws(AnswerError) -> GradedAnswer {
        let field = "answers.\(question.id)"
        switch question.kind {
        case .singleChoice, .multiChoice, .yesNo:
            let ids = try self.optionIDs(value, for: question, field: field)
            if question.kind != .multiChoice && ids.count != 1 {
                throw AnswerError(field: field, message: "expected exactly one option, got \(ids.count)")
            }
            let chosen = Array(Set(ids)).sorted()
            let correct: Bool? = question.isQuiz ? chosen == question.correct.sorted() : nil
            return GradedAnswer(questionID: question.id, kind: question.kind, choices: chosen, keyPoint: question.keyPoint, correct: correct)
        case .scale:
            let number: Double
            switch value {
            case .number(let value): number = value
            case .text(let text) where Double(text.trimmingWhitespace) != nil:
                number = Double(text.trimmingWhitespace)!
            default: throw AnswerError(field: field, message: "expected a whole number from \(question.min ?? 0) to \(question.max ?? 0)")
            }
            guard number.isFinite, number.rounded() == number, number >= Double(question.min ?? Int.min), number <= Double(question.max ?? Int.max)
            else {
                throw AnswerError(
                    field: field, message: "expected a whole number from \(question.min ?? 0) to \(question.max ?? 0), got \(Self.format(number))")
            }
            return GradedAnswer(questionID: question.id, kind: .scale, number: number)
        case .freeText:
            guard case .text(let text) = value else { throw AnswerError(field: field, message: "expected text") }
            guard text.utf8.count <= 4000 else { throw AnswerError(field: field, message: "text is longer than 4000 bytes") }
            return GradedAnswer(questionID: question.id, kind: .freeText, text: text)
        }
    }

    /// Option ids for a choice answer, accepting ids or the options' texts (case-insensitive).
    private static func optionIDs(_ value: AnswerValue, for question: Question, field: String) throws(AnswerError) -> [String] {
        let names: [String]
        switch value {
        case .text(let text): names = [text]
        case .list(let items): names = items
        case .bool(let flag) where question.kind == .yesNo: names = [flag ? "yes" : "no"]
        default: throw AnswerError(field: field, message: "expected an option (\(self.optionList(question)))")
        }
        guard !names.isEmpty else { throw AnswerError(field: field, message: "expected an option (\(self.optionList(question)))") }
        var ids: [String] = []
        for name in names {
            let wanted = String(name.trimmingWhitespace)
            guard let option = question.choices.first(where: { $0.id == wanted })
                ?? question.choices.first(where: { $0.text.caseInsensitiveCompare(wanted) == .orderedSame })
            else {
                throw AnswerError(field: field, message: "unknown option '\(wanted)' (expected one of \(self.optionList(question)))")
            }
            ids.append(option.id)
        }
        return ids
    }

    private static func optionList(_ question: Question) -> String {
        question.choices.map(\.id).joined(separator: ", ")
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
