import DecayCore
import Foundation

/// One Typeform `form_response` webhook, with survey and person taken from the form's hidden fields.
public struct TypeformSubmission: Sendable, Equatable {
    /// Typeform's response token: the same on every retry of one submission, so it is the idempotency key.
    public var token: String
    public var formID: String
    public var survey: String
    public var person: String
    public var submittedAt: Date
    /// Keyed by question id, which is the Typeform field `ref`.
    public var answers: [String: AnswerValue]

    public init(token: String, formID: String, survey: String, person: String, submittedAt: Date, answers: [String: AnswerValue]) {
        self.token = token
        self.formID = formID
        self.survey = survey
        self.person = person
        self.submittedAt = submittedAt
        self.answers = answers
    }

    public var event: InboundEvent {
        .surveyResponse(SurveyResponseEvent(survey: self.survey, person: self.person, submittedAt: self.submittedAt, answers: self.answers))
    }

    /// Typeform's partial-response webhooks (`form_response_partial`, sent while a form is still being filled in)
    /// carry unfinished answers; they are acknowledged and not stored, and the final `form_response` is.
    public static func isPartial(_ body: [UInt8]) -> Bool {
        guard case .object(let root)? = try? JSONValue.parse(body), case .string(let type)? = root["event_type"] else { return false }
        return type == "form_response_partial"
    }

    /// Parses the webhook body. Answers map by type: `choice` -> text, `choices` -> list, `text`/`email`/`url` -> text,
    /// `number` -> number, `boolean` -> bool; other types (date, file_url, payment, ...) are skipped.
    /// A missing or mistyped field is a 400 naming it, e.g. `form_response.hidden.person`.
    public static func parse(_ body: [UInt8]) throws(InboundError) -> TypeformSubmission {
        let root = try JSONFields(JSONValue.parse(body))
        let eventType = try root.string("event_type")
        guard eventType == "form_response" else {
            throw InboundError(.malformed, "expected 'form_response', got '\(eventType)'", field: "event_type")
        }
        let response = try root.object("form_response")
        let hidden = try JSONFields(response.object["hidden"] ?? .object([:]), path: response.name("hidden"))
        let refs = self.fieldRefs(response)
        var answers: [String: AnswerValue] = [:]
        let items: [JSONValue]
        switch response.object["answers"] {
        case nil, .null?: items = []
        case .array(let array)?: items = array
        case let other?: throw InboundError(.malformed, "expected an array, got \(other.typeName)", field: response.name("answers"))
        }
        for (index, item) in items.enumerated() {
            let answer = try JSONFields(item, path: response.name("answers[\(index)]"))
            let field = try answer.object("field")
            guard let question = field.optionalString("ref") ?? field.optionalString("id").flatMap({ refs[$0] }) else {
                throw InboundError(.malformed, "is required (or a definition field with this id and a ref)", field: field.name("ref"))
            }
            guard let value = try self.value(answer) else { continue }
            if answers[question] != nil {
                throw InboundError(.malformed, "answers question '\(question)' a second time", field: field.name("ref"))
            }
            answers[question] = value
        }
        return TypeformSubmission(
            token: try response.string("token"), formID: try response.string("form_id"),
            survey: try hidden.string("survey"), person: try hidden.string("person"),
            submittedAt: try response.date("submitted_at"), answers: answers
        )
    }

    /// Field id -> ref from `definition.fields`: older payloads give only `field.id` in each answer.
    private static func fieldRefs(_ response: JSONFields) -> [String: String] {
        guard case .array(let fields)? = response.object["definition"]?["fields"] else { return [:] }
        var refs: [String: String] = [:]
        for case .object(let field) in fields {
            if case .string(let id)? = field["id"], case .string(let ref)? = field["ref"] { refs[id] = ref }
        }
        return refs
    }

    /// The answer's value by its `type`; nil for types MessageDecay does not grade.
    private static func value(_ answer: JSONFields) throws(InboundError) -> AnswerValue? {
        let type = try answer.string("type")
        switch type {
        case "choice":
            let choice = try answer.object("choice")
            guard let name = self.optionName(ref: choice.optionalString("ref"), label: choice.optionalString("label")) ?? choice.optionalString("other") else {
                throw InboundError(.malformed, "is required", field: choice.name("label"))
            }
            return .text(name)
        case "choices":
            let choices = try answer.object("choices")
            let labels = try choices.object["labels"] == nil ? [] : choices.strings("labels")
            let refs = try choices.object["refs"] == nil ? [] : choices.strings("refs")
            var names = labels.indices.compactMap { self.optionName(ref: $0 < refs.count ? refs[$0] : nil, label: labels[$0]) }
            if let other = choices.optionalString("other") { names.append(other) }
            guard !names.isEmpty else { throw InboundError(.malformed, "expected at least one chosen label", field: choices.name("labels")) }
            return .list(names)
        case "text", "email", "url":
            return .text(try answer.string(type))
        case "number":
            guard case .number(let number)? = answer.object["number"] else {
                throw InboundError(.malformed, "expected a number", field: answer.name("number"))
            }
            return .number(number)
        case "boolean":
            guard case .bool(let flag)? = answer.object["boolean"] else {
                throw InboundError(.malformed, "expected a boolean", field: answer.name("boolean"))
            }
            return .bool(flag)
        default:
            return nil
        }
    }

    /// A choice's ref when the form author set one (it should be the option id), else its label (the option text).
    /// Refs Typeform generates are UUIDs that match no option, so those fall back to the label too.
    static func optionName(ref: String?, label: String?) -> String? {
        if let ref, !ref.isEmpty, !self.isGeneratedRef(ref) { return ref }
        guard let label, !label.isEmpty else { return nil }
        return label
    }

    /// True for the 8-4-4-4-12 hex UUIDs Typeform assigns when nobody set a ref.
    static func isGeneratedRef(_ ref: String) -> Bool {
        let groups = ref.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
