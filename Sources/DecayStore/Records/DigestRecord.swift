import Foundation
import GRDB

/// A row of `digest`: one manager's digest for one ISO week, queued once.
struct DigestRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "digest"

    enum Columns {
        static let managerID = Column(CodingKeys.managerID)
        static let week = Column(CodingKeys.week)
    }

    var managerID: String
    var week: String
    var outboxID: Int64?
    var createdAt: Double

    enum CodingKeys: String, CodingKey {
        case week
        case managerID = "manager_id"
        case outboxID = "outbox_id"
        case createdAt = "created_at"
    }
}
