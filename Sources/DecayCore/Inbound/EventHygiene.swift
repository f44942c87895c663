import Foundation

/// What no source may send, whatever it is: control characters in ids and answers, and times that cannot be real.
/// A refusal is a 400 naming the event's field.
public enum EventHygiene {
    /// 2000-01-01T00:00:00Z: nothing MessageDecay measures happened before it.
    public static let earliest = Date(timeIntervalSince1970: 946_684_800)
    /// A time more than this far after the request arrived is a wrong clock or a wrong unit, not a real answer.
    public static let allowedAhead: TimeInterval = 86_400

    public static func problem(in event: InboundEvent, now: Date) -> InboundError? {
        switch event {
        case .surveyResponse(let response):
            var texts: [(String, String, Bool)] = [(response.survey, "survey", false), (response.person, "person", false)]
            for (question, value) in response.answers.sorted(by: { $0.key < $1.key }) {
                texts.append((question, "answers", false))
                switch value {
                case .text(let text): texts.append((text, "answers.\(question)", true))
                case .list(let items): texts += items.map { ($0, "answers.\(question)", false) }
                case .number, .bool: break
                }
            }
            return self.textProblem(texts) ?? self.timeProblem(response.submittedAt, field: "submitted_at", now: now)
        case .messageAck(let ack):
            return self.textProblem([(ack.message, "message", false), (ack.person, "person", false)])
                ?? self.timeProblem(ack.at, field: "at", now: now)
        case .messageRelay(let relay):
            let people = [(relay.from, "from", false)] + relay.to.enumerated().map { ($1, "to[\($0)]", false) }
            return self.textProblem([(relay.message, "message", false)] + people + [(relay.text, "text", true)])
                ?? self.timeProblem(relay.at, field: "at", now: now)
        }
    }

    /// Free text (answers, relayed text) may hold tabs and line breaks; ids and choices may not.
    private static func textProblem(_ texts: [(text: String, field: String, freeText: Bool)]) -> InboundError? {
        for entry in texts {
            if let problem = ControlCharacters.problem(in: entry.text, allowingLineBreaks: entry.freeText) {
                return InboundError(.malformed, problem, field: entry.field)
            }
        }
        return nil
    }

    private static func timeProblem(_ date: Date, field: String, now: Date) -> InboundError? {
        let latest = now.addingTimeInterval(self.allowedAhead)
        guard date < self.earliest || date > latest else { return nil }
        let format = Date.ISO8601FormatStyle()
        return InboundError(
            .malformed,
            "must lie between \(self.earliest.formatted(format)) and a day after the request arrived (\(latest.formatted(format))), got \(date.formatted(format))",
            field: field
        )
    }
}
