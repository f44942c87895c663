import DecayCore
import Foundation

/// Reads a posted quick-survey form (fields `q.<question id>`, see ``QuickSurveyPage``) into answers by question id,
/// checking every question at once so the page can show all problems in one re-render.
public enum QuickSurveyForm {
    /// Longest free-text answer in UTF-8 bytes, the same limit grading applies.
    public static let maxTextBytes = 4000

    /// Answers by question id: a choice is `.text(option id)`, several choices `.list`, a scale `.number`,
    /// free text `.text` (trimmed; left out when empty). Fields that are not `q.<known question>` are ignored.
    ///
    /// ```swift
    /// let answers = try QuickSurveyForm.parse(Array("q.q1=a&q.q6=8".utf8), survey: survey)  // ["q1": .text("a"), "q6": .number(8)]
    /// ```
    public static func parse(_ body: [UInt8], survey: Survey) throws(QuickSurveyFormErrors) -> [String: AnswerValue] {
        var posted: [String: [String]] = [:]
        for (name, value) in FormURLEncoded.decode(body) where name.hasPrefix("q.") {
            posted[String(name.dropFirst(2)), default: []].append(value)
        }
        var answers: [String: AnswerValue] = [:]
        var errors: [String: String] = [:]
        for question in survey.questions {
            switch self.answer(question, posted: posted[question.id] ?? []) {
            case .success(let value?): answers[question.id] = value
            case .success(nil): break
            case .failure(let problem):
                errors[question.id] = problem.message
                if let kept = problem.kept { answers[question.id] = kept }
            }
        }
        if !errors.isEmpty {
            throw QuickSurveyFormErrors(errors: errors, values: answers)
        }
        return answers
    }

    /// What was wrong with one question's fields, and what of it is still worth showing again.
    struct Problem: Error {
        var message: String
        var kept: AnswerValue?
    }

    /// One question's answer from its posted values; nil when an optional question was left empty.
    static func answer(_ question: Question, posted: [String]) -> Result<AnswerValue?, Problem> {
        let values = posted.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        switch question.kind {
        case .singleChoice, .yesNo:
            guard let first = values.first else { return .failure(Problem(message: "Please choose an answer.")) }
            if Set(values).count > 1 { return .failure(Problem(message: "Please choose only one answer.")) }
            guard question.choices.contains(where: { $0.id == first }) else {
                return .failure(Problem(message: "Please choose one of the answers listed."))
            }
            return .success(.text(first))
        case .multiChoice:
            var ids: [String] = []
            for value in values where !ids.contains(value) {
                ids.append(value)
            }
            if ids.isEmpty { return .failure(Problem(message: "Please choose at least one answer.")) }
            let known = ids.filter { id in question.choices.contains { $0.id == id } }
            if known.count != ids.count {
                return .failure(Problem(message: "Please choose only from the answers listed.", kept: .list(known)))
            }
            return .success(.list(ids))
        case .scale:
            let low = question.min ?? 1
            let high = question.max ?? 5
            let range = "Please pick a number from \(low) to \(high)."
            guard values.count == 1, let number = Double(values[0]), number.isFinite, number.rounded() == number,
                number >= Double(low), number <= Double(high)
            else { return .failure(Problem(message: range)) }
            return .success(.number(number))
        case .freeText:
            guard let first = values.first else { return .success(nil) }
            let text = first.replacingOccurrences(of: "\r\n", with: "\n")
            if let control = ControlCharacters.first(in: text, allowingLineBreaks: true) {
                let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control || $0 == "\n" || $0 == "\t" }))
                return .failure(Problem(
                    message: "This answer holds an invisible control character (\(ControlCharacters.name(control))): please remove it.", kept: .text(cleaned)))
            }
            if text.utf8.count > self.maxTextBytes {
                return .failure(Problem(message: "This answer is too long: please shorten it a little.", kept: .text(text)))
            }
            return .success(.text(text))
        }
    }
}

/// Every problem in one posted form, by question id, with the answers that were fine (or worth keeping)
/// so ``QuickSurveyPage/form(survey:message:personName:action:errors:values:)`` can show them again.
public struct QuickSurveyFormErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// Question id to a message for the person answering.
    public var errors: [String: String]
    /// The answers to re-fill, by question id.
    public var values: [String: AnswerValue]

    public init(errors: [String: String], values: [String: AnswerValue] = [:]) {
        self.errors = errors
        self.values = values
    }

    public var description: String {
        self.errors.sorted { $0.key < $1.key }.map { "q.\($0.key): \($0.value)" }.joined(separator: "; ")
    }
}
