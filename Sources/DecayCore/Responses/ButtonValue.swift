/// The `value` carried by a chat button (Slack `block_actions`), produced by broadcasts and parsed by the
/// Slack webhook. Ids follow the content id rule, so `:` never appears inside one.
///
///     ans1:vault-3-check:q1:a            answer option `a` of question q1 (person = the clicking user)
///     ans1:vault-3-check:q1:a:rep-0042   the same, for a button sent to one person directly
///     ack1:vault-3-launch                acknowledge a message (person = the clicking user)
public enum ButtonValue: Sendable, Equatable {
    case answer(survey: String, question: String, option: String, person: String?)
    case ack(message: String, person: String?)

    public var encoded: String {
        switch self {
        case .answer(let survey, let question, let option, let person):
            return (["ans1", survey, question, option] + (person.map { [$0] } ?? [])).joined(separator: ":")
        case .ack(let message, let person):
            return (["ack1", message] + (person.map { [$0] } ?? [])).joined(separator: ":")
        }
    }

    /// Nil for values not made by MessageDecay.
    public init?(_ value: String) {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ ContentID.isValid($0) || ["ans1", "ack1"].contains($0) }) else { return nil }
        switch (parts.first, parts.count) {
        case ("ans1", 4), ("ans1", 5):
            self = .answer(survey: parts[1], question: parts[2], option: parts[3], person: parts.count == 5 ? parts[4] : nil)
        case ("ack1", 2), ("ack1", 3):
            self = .ack(message: parts[1], person: parts.count == 3 ? parts[2] : nil)
        default:
            return nil
        }
    }
}
