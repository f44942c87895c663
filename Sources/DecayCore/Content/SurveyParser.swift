import Foundation
import Yams

/// Parses `surveys/<id>.yaml` and checks it against the messages it refers to.
public enum SurveyParser {
    static let surveyKeys = ["id", "title", "message", "questions"]
    static let questionKeys = ["id", "kind", "prompt", "options", "correct", "key_point", "key_points", "min", "max"]
    static let optionKeys = ["id", "text"]

    /// Returns the survey, or every problem found; `messages` (by id) resolve `message` and key point references.
    public static func parse(_ text: String, file: String, messages: [String: Message]) -> Result<Survey, ContentErrors> {
        var fields = YAMLFields(file: file)
        let survey = self.survey(from: fields.compose(text), messages: messages, fields: &fields)
        if let survey, fields.problems.isEmpty {
            return .success(survey)
        }
        return .failure(ContentErrors(fields.problems))
    }

    private static func survey(from root: Node?, messages: [String: Message], fields: inout YAMLFields) -> Survey? {
        guard let map = fields.mapping(root, "survey") else { return nil }
        fields.rejectUnknownKeys(map, allowed: self.surveyKeys, in: "survey")
        let id = fields.string(map, "id", in: "survey")
        if let id, !ContentID.isValid(id) {
            fields.report(map["id"], "survey id '\(id)' must be \(ContentID.rule)")
        }
        let title = fields.string(map, "title", in: "survey")
        let messageID = fields.string(map, "message", in: "survey", required: false)
        var message: Message?
        if let messageID {
            message = messages[messageID]
            if message == nil {
                fields.report(map["message"], "survey points at message '\(messageID)', which is not in the messages folder")
            }
        }
        var questions: [Question] = []
        if let items = fields.sequence(map["questions"], "questions") {
            if items.isEmpty { fields.report(map["questions"], "questions must list at least one question") }
            var seen: Set<String> = []
            for item in items {
                guard let question = self.question(item, messageID: messageID, message: message, fields: &fields) else {
                    continue
                }
                if !seen.insert(question.id).inserted {
                    fields.report(item, "duplicate question id '\(question.id)'")
                }
                questions.append(question)
            }
        } else if map["questions"] == nil {
            fields.report(root, "survey is missing 'questions'")
        }
        guard let id, let title else { return nil }
        return Survey(id: id, title: title, message: messageID, questions: questions)
    }

    private static func question(_ node: Node, messageID: String?, message: Message?, fields: inout YAMLFields) -> Question? {
        guard let map = fields.mapping(node, "a question") else { return nil }
        fields.rejectUnknownKeys(map, allowed: self.questionKeys, in: "question")
        let id = fields.string(map, "id", in: "question")
        if let id, !ContentID.isValid(id) {
            fields.report(map["id"], "question id '\(id)' must be \(ContentID.rule)")
        }
        let what = "question '\(id ?? "?")'"
        let prompt = fields.string(map, "prompt", in: what)
        guard let kindText = fields.string(map, "kind", in: what) else { return nil }
        guard let kind = QuestionKind(rawValue: kindText) else {
            let kinds = QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")
            fields.report(map["kind"], "\(what) has unknown kind '\(kindText)' (expected one of: \(kinds))")
            return nil
        }
        let options = self.options(map["options"], question: node, kind: kind, what: what, fields: &fields)
        let correct = fields.stringList(map["correct"], "correct of \(what)") ?? []
        let keyPoint = fields.string(map, "key_point", in: what, required: false)
        let keyPoints = fields.stringList(map["key_points"], "key_points of \(what)") ?? []
        let min = fields.int(map, "min", in: what)
        let max = fields.int(map, "max", in: what)

        switch kind {
        case .singleChoice, .multiChoice:
            let ids = Set(options.map(\.id))
            for answer in correct where !ids.contains(answer) {
                fields.report(map["correct"], "\(what): correct answer '\(answer)' is not one of its option ids (\(options.map(\.id).joined(separator: ", ")))")
            }
            if kind == .singleChoice && correct.count > 1 {
                fields.report(map["correct"], "\(what) is single_choice but lists \(correct.count) correct answers")
            }
        case .yesNo:
            for answer in correct where answer != "yes" && answer != "no" {
                fields.report(map["correct"], "\(what): correct answer of a yes_no question must be 'yes' or 'no', got '\(answer)'")
            }
            if correct.count > 1 { fields.report(map["correct"], "\(what) is yes_no but lists \(correct.count) correct answers") }
        case .scale, .freeText:
            if !correct.isEmpty { fields.report(map["correct"], "\(what) is \(kind.rawValue) and cannot have 'correct'") }
        }
        if kind == .scale {
            if min == nil || max == nil {
                fields.report(node, "\(what) is a scale question and needs both 'min' and 'max'")
            } else if let min, let max, min >= max {
                fields.report(map["min"], "\(what): min (\(min)) must be less than max (\(max))")
            }
        } else if map["min"] != nil || map["max"] != nil {
            fields.report(map["min"] ?? map["max"], "\(what): min/max only apply to scale questions")
        }

        if let keyPoint {
            if kind == .scale || kind == .freeText {
                fields.report(map["key_point"], "\(what): key_point applies to quiz questions (single_choice, multi_choice, yes_no); free text uses key_points")
            } else if correct.isEmpty {
                fields.report(map["key_point"], "\(what) is a quiz question for key point '\(keyPoint)' but has no 'correct' answer")
            }
            self.checkKeyPoint(keyPoint, node: map["key_point"], what: what, messageID: messageID, message: message, fields: &fields)
        } else if !correct.isEmpty {
            fields.report(map["correct"], "\(what) has a correct answer but no key_point: tie it to the key point it checks")
        }
        if !keyPoints.isEmpty {
            if kind != .freeText {
                fields.report(map["key_points"], "\(what): key_points applies to free_text questions only")
            }
            for point in keyPoints {
                self.checkKeyPoint(point, node: map["key_points"], what: what, messageID: messageID, message: message, fields: &fields)
            }
        }
        guard let id, let prompt else { return nil }
        return Question(
            id: id, kind: kind, prompt: prompt, options: options, correct: correct,
            keyPoint: keyPoint, keyPoints: keyPoints, min: min, max: max
        )
    }

    private static func checkKeyPoint(
        _ point: String, node: Node?, what: String, messageID: String?, message: Message?, fields: inout YAMLFields
    ) {
        guard let messageID else {
            fields.report(node, "\(what) refers to key point '\(point)' but the survey has no 'message'")
            return
        }
        if let message, message.keyPoint(point) == nil {
            let known = message.keyPoints.map(\.id).joined(separator: ", ")
            fields.report(node, "\(what) refers to unknown key point '\(point)' of message '\(messageID)' (known: \(known))")
        }
    }

    private static func options(_ node: Node?, question: Node, kind: QuestionKind, what: String, fields: inout YAMLFields) -> [AnswerOption] {
        guard kind.hasOptions else {
            if node != nil { fields.report(node, "\(what) is \(kind.rawValue) and takes no 'options'") }
            return []
        }
        guard let node else {
            fields.report(question, "\(what) is \(kind.rawValue) and needs 'options'")
            return []
        }
        guard let items = fields.sequence(node, "options of \(what)") else { return [] }
        var options: [AnswerOption] = []
        var seen: Set<String> = []
        for item in items {
            guard case .mapping(let map) = item else {
                fields.report(item, "each option of \(what) must be { id: ..., text: ... }")
                continue
            }
            fields.rejectUnknownKeys(map, allowed: self.optionKeys, in: "option")
            guard let id = fields.string(map, "id", in: "option of \(what)"),
                let text = fields.string(map, "text", in: "option of \(what)")
            else { continue }
            if !ContentID.isValid(id) {
                fields.report(map["id"], "option id '\(id)' of \(what) must be \(ContentID.rule)")
            }
            if !seen.insert(id).inserted {
                fields.report(item, "\(what) has duplicate option id '\(id)'")
            }
            options.append(AnswerOption(id: id, text: text))
        }
        if options.count < 2 {
            fields.report(node, "\(what) needs at least 2 options, has \(options.count)")
        }
        return options
    }
}
