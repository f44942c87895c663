import DecayCore
import Foundation
import GRDB

/// What a broadcast wrote: the broadcast row, the deliveries it created and its posts.
public struct BroadcastRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var newDeliveries: Int
    /// People who already had this message version (relayed or an earlier broadcast); their delivery is kept.
    public var existingDeliveries: Int
    public var outboxIDs: [Int64]
}

extension AppDatabase {
    /// Records a broadcast in one transaction: the broadcast row, a direct delivery per person (hops 0; an earlier
    /// delivery of the same version is kept) and the posts that `posts` renders for the new broadcast id.
    public func recordBroadcast(
        message: Message, survey: String?, audience: AudienceSpec, people: [String], now: Date,
        posts: @escaping @Sendable (Int64) -> [OutboxItem]
    ) async throws -> BroadcastRecord {
        try await self.writer.write { db in
            try db.execute(sql: """
                INSERT INTO broadcast (message_id, message_version, survey_id, audience, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [message.id, message.version, survey, audience.description, now.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            var created = 0
            let insert = try db.cachedStatement(sql: """
                INSERT INTO delivery (message_id, message_version, person_id, hops, via, broadcast_id, delivered_at)
                VALUES (?, ?, ?, 0, NULL, ?, ?) ON CONFLICT(message_id, message_version, person_id) DO NOTHING
                """)
            for person in people {
                try insert.execute(arguments: [message.id, message.version, person, id, now.timeIntervalSince1970])
                created += db.changesCount
            }
            var outboxIDs: [Int64] = []
            for var item in posts(id) {
                item.broadcastID = id
                outboxIDs.append(try Self.enqueue(item, now: now, db))
            }
            return BroadcastRecord(id: id, newDeliveries: created, existingDeliveries: people.count - created, outboxIDs: outboxIDs)
        }
    }
}
