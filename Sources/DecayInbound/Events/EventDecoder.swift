import DecayCore
import Foundation

/// Decodes the body of `POST /webhooks/events` (one event, see DESIGN.md) into an ``InboundEvent``.
public enum EventDecoder {
    public static let types = ["survey.response", "message.ack", "message.relay"]

    public static func decode(_ body: [UInt8]) throws(InboundError) -> InboundEvent {
        let fields = try JSONFields(JSONValue.parse(body))
        let type = try fields.string("type")
        switch type {
        case "survey.response":
            let answers = try fields.object("answers")
            var values: [String: AnswerValue] = [:]
            for (question, value) in answers.object {
                values[question] = try self.answer(value, field: answers.name(question))
            }
            return .surveyResponse(SurveyResponseEvent(
                survey: try fields.string("survey"), person: try fields.string("person"),
                submittedAt: try fields.date("submitted_at"), answers: values
            ))
        case "message.ack":
            return .messageAck(MessageAckEvent(message: try fields.string("message"), person: try fields.string("person"), at: try fields.date("at")))
        case "message.relay":
            let to = try fields.strings("to")
            if to.isEmpty { throw InboundError(.malformed, "must name at least one person", field: "to") }
            return .messageRelay(MessageRelayEvent(
                message: try fields.string("message"), from: try fields.string("from"), to: to,
                text: try fields.string("text"), at: try fields.date("at")
            ))
        default:
            throw InboundError(.malformed, "unknown event type '\(type)' (expected one of \(self.types.joined(separator: ", ")))", field: "type")
        }
    }

    static func answer(_ value: JSONValue, field: String) throws(InboundError) -> AnswerValue {
        switch value {
        case .string(let text): return .text(text)
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .array(let items):
            var list: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw InboundError(.malformed, "expected an array of option ids or texts", field: field)
                }
                list.append(text)
            }
            return .list(list)
        default:
            throw InboundError(.malformed, "expected a string, number, boolean or array of strings, got \(value.typeName)", field: field)
        }
    }
}
