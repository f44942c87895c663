import Foundation

/// A manager who gets a weekly digest, with what the scheduler needs to send it: when (their time zone) and where.
public struct DigestRecipient: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var role: Role
    /// IANA time zone from the directory (`person.timezone`).
    public var timezone: String
    /// The person's own chat destination (never the partner's channel, which the reps it names may read); nil when unset.
    public var chat: ChatDestination?

    public init(id: String, name: String, role: Role, timezone: String, chat: ChatDestination?) {
        self.id = id
        self.name = name
        self.role = role
        self.timezone = timezone
        self.chat = chat
    }

    /// The time zone, or UTC when the directory holds an unknown identifier.
    public var timeZone: TimeZone {
        TimeZone(identifier: self.timezone) ?? .gmt
    }
}
