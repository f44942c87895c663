import Foundation

/// One re-check or reminder (not cancelled) as the dashboard counts it: who it went to, whether the outbox delivered
/// it, and whether the rep answered the message after its send time.
public struct ContactActivity: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case recheck
        case nudge
    }

    public var kind: Kind
    public var person: String
    public var partner: String?
    public var message: String
    public var sendAt: Date
    public var sent: Bool
    public var answered: Bool

    public init(kind: Kind, person: String, partner: String?, message: String, sendAt: Date, sent: Bool, answered: Bool) {
        self.kind = kind
        self.person = person
        self.partner = partner
        self.message = message
        self.sendAt = sendAt
        self.sent = sent
        self.answered = answered
    }
}
