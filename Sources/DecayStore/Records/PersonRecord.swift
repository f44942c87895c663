import DecayCore
import Foundation
import GRDB

/// A row of `person`.
struct PersonRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "person"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let partnerID = Column(CodingKeys.partnerID)
        static let chatHandle = Column(CodingKeys.chatHandle)
        static let reportsTo = Column(CodingKeys.reportsTo)
    }

    var id: String
    var name: String
    var email: String?
    var partnerID: String?
    var role: String
    var reportsTo: String?
    var timezone: String
    var chatHandle: String?
    var chatFormat: String?
    var chatURL: String?
    var updatedAt: Double

    enum CodingKeys: String, CodingKey {
        case id, name, email, role, timezone
        case partnerID = "partner_id"
        case reportsTo = "reports_to"
        case chatHandle = "chat_handle"
        case chatFormat = "chat_format"
        case chatURL = "chat_url"
        case updatedAt = "updated_at"
    }

    init(_ person: Person, updatedAt: Date) {
        self.id = person.id
        self.name = person.name
        self.email = person.email
        self.partnerID = person.partner
        self.role = person.role.rawValue
        self.reportsTo = person.reportsTo
        self.timezone = person.timezone
        self.chatHandle = person.chatHandle
        self.chatFormat = person.chat?.format.rawValue
        self.chatURL = person.chat?.url
        self.updatedAt = updatedAt.timeIntervalSince1970
    }

    var person: Person {
        Person(
            id: self.id, name: self.name, email: self.email, partner: self.partnerID, role: Role(rawValue: self.role) ?? .rep,
            reportsTo: self.reportsTo, timezone: self.timezone, chatHandle: self.chatHandle,
            chat: ChatDestination.stored(format: self.chatFormat, url: self.chatURL))
    }
}
