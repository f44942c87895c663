import Foundation
import GRDB

/// A row of `setting`: a named value kept with the data (generated secrets, one-time markers).
struct SettingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"

    enum Columns {
        static let key = Column(CodingKeys.key)
    }

    var key: String
    var value: Data
}
