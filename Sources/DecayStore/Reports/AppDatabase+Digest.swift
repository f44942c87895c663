import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Every delivery up to `asOf` (an ack after it counts as none), for a digest run to slice per manager.
    public func deliveries(asOf: Date) async throws -> [DeliveryRecord] {
        try await self.reader.read { db in
            var result: [DeliveryRecord] = []
            let cutoff = asOf.timeIntervalSince1970
            let rows = try Row.fetchCursor(
                db, sql: "SELECT message_id, person_id, hops, delivered_at, acked_at FROM delivery WHERE delivered_at <= ?", arguments: [cutoff])
            while let row = try rows.next() {
                let acked = (row["acked_at"] as Double?).flatMap { $0 <= cutoff ? Date(timeIntervalSince1970: $0) : nil }
                result.append(DeliveryRecord(message: row["message_id"], delivery: DigestMessageInput.Delivery(
                    person: row["person_id"], hops: row["hops"], deliveredAt: Date(timeIntervalSince1970: row["delivered_at"]), ackedAt: acked)))
            }
            return result
        }
    }

    /// Scorecard targets from the `scorecard_target` table; nil when it is empty.
    public func scoreTargets() async throws -> ScoreTargets? {
        try await self.reader.read { db in try Self.scoreTargets(db) }
    }

    /// Targets from the `scorecard_target` table; nil when it is empty. Unknown metric names are skipped.
    static func scoreTargets(_ db: Database) throws -> ScoreTargets? {
        var byCategory: [String: [Metric: Double]] = [:]
        for row in try ScorecardTargetRecord.fetchAll(db) {
            guard let metric = Metric(rawValue: row.metric) else { continue }
            byCategory[row.category, default: [:]][metric] = row.target
        }
        return byCategory.isEmpty ? nil : ScoreTargets(byCategory)
    }
}

/// One delivery of one message.
public struct DeliveryRecord: Sendable, Equatable {
    public var message: String
    public var delivery: DigestMessageInput.Delivery
}
