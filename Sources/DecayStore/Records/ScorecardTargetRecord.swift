import GRDB

/// A row of `scorecard_target`: the target of one metric for one partner category.
struct ScorecardTargetRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "scorecard_target"

    var category: String
    var metric: String
    var target: Double
}
