import DecayCore
import Foundation

/// One post of re-checks or reminders: the outbox item and the contacts it carries (one on a rep's own destination,
/// everyone due that day at the partner in a channel post).
public struct ContactPost: Sendable, Equatable {
    public enum Route: String, Sendable, Codable {
        case personal
        case channel
    }

    public var route: Route
    public var item: OutboxItem
    public var contacts: [PlannedContact]

    public init(route: Route, item: OutboxItem, contacts: [PlannedContact]) {
        self.route = route
        self.item = item
        self.contacts = contacts
    }
}

/// What queueing wrote: posts and contacts new in this pass, and those already queued by an earlier one.
public struct ContactQueueResult: Sendable, Equatable, Codable {
    public var posts: Int = 0
    public var contacts: Int = 0
    public var alreadyQueued: Int = 0
    /// Contacts another pass queued for the same rep within the week first.
    public var capped: Int = 0

    public init() {}
}

/// A queued re-check or reminder that has not gone out yet and why it no longer should.
public struct CancelledContacts: Sendable, Equatable, Codable {
    public var contacts: Int
    public var posts: Int
}

/// A contact already in the database: its key and send time.
public struct QueuedContact: Sendable, Equatable, Hashable {
    public var kind: PlannedContact.Kind
    public var person: String
    public var message: String
    public var round: String
    public var sendAt: Date

    public init(kind: PlannedContact.Kind, person: String, message: String, round: String, sendAt: Date) {
        self.kind = kind
        self.person = person
        self.message = message
        self.round = round
        self.sendAt = sendAt
    }

    /// (kind, person, message, round): the database's unique key.
    public var key: String { PlannedContact.key(self.kind, self.person, self.message, self.round) }
}

extension PlannedContact {
    /// (kind, person, message, round): the database's unique key, as a pass compares it with what is stored.
    public var key: String { Self.key(self.kind, self.person, self.message, self.round) }

    static func key(_ kind: Kind, _ person: String, _ message: String, _ round: String) -> String {
        "\(kind.rawValue)\u{1}\(person)\u{1}\(message)\u{1}\(round)"
    }
}
