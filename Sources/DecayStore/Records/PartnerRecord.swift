import DecayCore
import Foundation
import GRDB

/// A row of `partner`.
struct PartnerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "partner"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let manager = Column(CodingKeys.manager)
    }

    var id: String
    var name: String
    var category: String
    var tier: String
    var region: String
    var manager: String?
    var chatFormat: String?
    var chatURL: String?
    var updatedAt: Double

    enum CodingKeys: String, CodingKey {
        case id, name, category, tier, region, manager
        case chatFormat = "chat_format"
        case chatURL = "chat_url"
        case updatedAt = "updated_at"
    }

    init(_ partner: Partner, updatedAt: Date) {
        self.id = partner.id
        self.name = partner.name
        self.category = partner.category
        self.tier = partner.tier
        self.region = partner.region
        self.manager = partner.manager
        self.chatFormat = partner.chat?.format.rawValue
        self.chatURL = partner.chat?.url
        self.updatedAt = updatedAt.timeIntervalSince1970
    }

    var partner: Partner {
        Partner(
            id: self.id, name: self.name, category: self.category, tier: self.tier, region: self.region, manager: self.manager,
            chat: ChatDestination.stored(format: self.chatFormat, url: self.chatURL))
    }
}

extension ChatDestination {
    /// A destination from its two stored columns; nil unless both are set and the format is known.
    static func stored(format: String?, url: String?) -> ChatDestination? {
        guard let format = format.flatMap(ChatFormat.init(rawValue:)), let url else { return nil }
        return ChatDestination(format: format, url: url)
    }
}
