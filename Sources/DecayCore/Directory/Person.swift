/// A partner rep, a partner manager, or one of the vendor's channel managers.
public struct Person: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var email: String?
    /// Empty for the vendor's own staff.
    public var partner: String?
    public var role: Role
    /// Whom this person reports to; relays follow this hierarchy.
    public var reportsTo: String?
    /// IANA time zone, used to schedule digests at local time.
    public var timezone: String
    public var chatHandle: String?
    /// A manager's own digest destination.
    public var chat: ChatDestination?

    public init(
        id: String, name: String, email: String? = nil, partner: String? = nil, role: Role,
        reportsTo: String? = nil, timezone: String = "UTC", chatHandle: String? = nil, chat: ChatDestination? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.partner = partner
        self.role = role
        self.reportsTo = reportsTo
        self.timezone = timezone
        self.chatHandle = chatHandle
        self.chat = chat
    }
}

public enum Role: String, Sendable, Codable, CaseIterable {
    case rep
    case partnerManager = "partner_manager"
    case channelManager = "channel_manager"
}
