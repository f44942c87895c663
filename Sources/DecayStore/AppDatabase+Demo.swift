import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Writes a generated demo channel in one transaction; re-running with the same seed changes nothing.
    /// Refuses, changing nothing, when it would overwrite partners or people that are not this demo's.
    /// `freeTextPoints` are the scored statuses of the free-text answers by response external id, stored with them.
    public func saveDemo(_ channel: DemoChannel, freeTextPoints: [String: [String: [PointScore]]] = [:]) async throws {
        try await self.writer.write { db in
            try Self.checkDemoConflicts(channel, db)
            let partners = try Self.upsert(channel.partners, db)
            let people = try Self.upsert(Self.managersFirst(channel.people), db)
            for (kind, summary) in [("partners", partners), ("people", people)] where summary.inserted + summary.updated > 0 {
                try Self.insert(ImportLogEntry(kind: kind, source: .demo, summary: summary), db)
            }
            for message in channel.history {
                try Self.recordMessageVersion(message, replace: false, db)
            }
            // The demo's targets only where none are set: an operator's own targets stay.
            if try ScorecardTargetRecord.fetchCount(db) == 0 {
                for (category, targets) in channel.targets.byCategory.sorted(by: { $0.key < $1.key }) {
                    for (metric, target) in targets.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                        try ScorecardTargetRecord(category: category, metric: metric.rawValue, target: target).insert(db)
                    }
                }
            }
            let delivery = try db.cachedStatement(sql: """
                INSERT INTO delivery (message_id, message_version, person_id, hops, via, delivered_at, acked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            for item in channel.deliveries {
                try delivery.execute(arguments: [
                    item.messageID, item.messageVersion, item.personID, item.hops, item.via,
                    item.deliveredAt.timeIntervalSince1970, item.ackedAt?.timeIntervalSince1970,
                ])
            }
            let demoRelays = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relay WHERE inbound_id IS NULL") ?? 0
            if demoRelays == 0 {
                for relay in channel.relays {
                    try db.execute(
                        sql: "INSERT INTO relay (message_id, message_version, from_person, text, relayed_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [relay.messageID, relay.messageVersion, relay.from, relay.text, relay.at.timeIntervalSince1970]
                    )
                    let id = db.lastInsertedRowID
                    for person in relay.to {
                        try db.execute(sql: "INSERT INTO relay_recipient (relay_id, person_id) VALUES (?, ?)", arguments: [id, person])
                    }
                }
            }
            for response in channel.responses {
                let id = try Self.insertResponse(
                    source: "demo", externalID: response.externalID, surveyID: response.surveyID, personID: response.personID,
                    messageID: response.messageID, messageVersion: response.messageVersion, submittedAt: response.submittedAt,
                    receivedAt: response.submittedAt, inboundID: nil, answers: response.answers, db
                )
                if let id, let points = freeTextPoints[response.externalID] {
                    try Self.storeFreeTextPoints(
                        points, responseID: id,
                        messageID: response.messageID, personID: response.personID, submittedAt: response.submittedAt, db)
                }
            }
            for (message, curves) in channel.truth {
                for (point, curve) in curves {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO demo_truth (message_id, key_point_id, half_life_days, rho, initial, shape)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [message, point, curve.halfLife, curve.rho, curve.initial, curve.shape]
                    )
                }
            }
        }
    }

    private static func checkDemoConflicts(_ channel: DemoChannel, _ db: Database) throws {
        var clashes: [String] = []
        for partner in channel.partners {
            if let stored = try Row.fetchOne(db, sql: "SELECT * FROM partner WHERE id = ?", arguments: [partner.id]).map(Self.partner), stored != partner {
                clashes.append(partner.id)
            }
        }
        for person in channel.people {
            if let stored = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [person.id]).map(Self.person), stored != person {
                clashes.append(person.id)
            }
        }
        if !clashes.isEmpty {
            throw DemoConflict(ids: clashes)
        }
    }

    /// People ordered so that no one is written before the person they report to is (reports_to has no FK, but keep it tidy).
    private static func managersFirst(_ people: [Person]) -> [Person] {
        let rank: [Role: Int] = [.channelManager: 0, .partnerManager: 1, .rep: 2]
        return people.sorted { (rank[$0.role] ?? 3, $0.id) < (rank[$1.role] ?? 3, $1.id) }
    }
}

/// The demo would overwrite directory rows it did not create (or created with another seed).
public struct DemoConflict: Error, Sendable, CustomStringConvertible {
    public var ids: [String]

    public var description: String {
        let sample = self.ids.prefix(5).joined(separator: ", ")
        return "the database already holds \(self.ids.count) partners or people with the demo's ids but other data (\(sample)\(self.ids.count > 5 ? ", ..." : "")); "
            + "nothing was changed: seed the demo into an empty database (--db) or re-run it with the same --seed"
    }
}
