import DecayCore
import Foundation
import GRDB

/// Which people an engagement read covers.
public enum EngagementScope: Sendable, Equatable {
    case everyone
    case category(String)
    case partner(String)
    case person(String)
}

extension AppDatabase {
    /// Every person's `EngagementInputs` as of `asOf` (deliveries, acks and responses after it are ignored),
    /// with the partners in scope, in one read: a few GROUP BY queries over all people, never one per person.
    public func engagementSnapshot(asOf: Date, scope: EngagementScope = .everyone) async throws -> EngagementSnapshot {
        try await self.reader.read { db in
            try Self.engagementSnapshot(asOf: asOf, scope: scope, db)
        }
    }

    static func engagementSnapshot(asOf: Date, scope: EngagementScope, _ db: Database) throws -> EngagementSnapshot {
        let (partnerFilter, partnerArguments) = Self.partnerFilter(scope)
        let partners = try Row.fetchAll(
            db, sql: "SELECT * FROM partner WHERE \(partnerFilter) ORDER BY id", arguments: partnerArguments
        ).map(Self.partner)
        let (personFilter, personArguments) = Self.personFilter(scope, column: "id")
        var people: [String: EngagementPerson] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT id, partner_id, role FROM person WHERE \(personFilter)", arguments: personArguments
        ) {
            let id: String = row["id"]
            people[id] = EngagementPerson(
                partner: row["partner_id"], role: Role(rawValue: row["role"]) ?? .rep,
                inputs: EngagementInputs(person: id, delivered: 0, acked: 0, responded: 0)
            )
        }
        for (id, inputs) in try Self.engagementInputs(asOf: asOf, scope: scope, db) {
            people[id]?.inputs = inputs
        }
        return EngagementSnapshot(asOf: asOf, partners: partners, people: people.values.sorted { $0.id < $1.id })
    }

    /// Inputs keyed by person id, for people with any delivery or response up to `asOf`.
    /// The response lookup is pinned to the person index: with few messages the planner would otherwise
    /// pick the message index and scan every response of the message for each delivery.
    static func engagementInputs(asOf: Date, scope: EngagementScope, _ db: Database) throws -> [String: EngagementInputs] {
        let cutoff = asOf.timeIntervalSince1970
        let since = cutoff - EngagementInputs.recentWindow
        var inputs: [String: EngagementInputs] = [:]
        func update(_ id: String, _ change: (inout EngagementInputs) -> Void) {
            var value = inputs[id] ?? EngagementInputs(person: id, delivered: 0, acked: 0, responded: 0)
            change(&value)
            inputs[id] = value
        }
        let (deliveryFilter, deliveryArguments) = Self.personFilter(scope, column: "d.person_id")
        let deliveries = try Row.fetchCursor(db, sql: """
            SELECT d.person_id, COUNT(*) AS delivered,
                COUNT(CASE WHEN d.acked_at <= :cutoff THEN 1 END) AS acked,
                MAX(CASE WHEN d.acked_at <= :cutoff THEN d.acked_at END) AS last_ack,
                COUNT(CASE WHEN d.acked_at <= :cutoff AND d.acked_at > :since THEN 1 END) AS acked_recent,
                COUNT(CASE WHEN EXISTS (
                    SELECT 1 FROM response r INDEXED BY response_on_person_survey
                    WHERE r.person_id = d.person_id AND r.message_id = d.message_id
                        AND (r.message_version IS NULL OR r.message_version = d.message_version) AND r.submitted_at <= :cutoff
                ) THEN 1 END) AS responded
            FROM delivery d
            WHERE d.delivered_at <= :cutoff AND \(deliveryFilter)
            GROUP BY d.person_id
            """, arguments: StatementArguments(["cutoff": cutoff, "since": since]) + deliveryArguments)
        while let row = try deliveries.next() {
            update(row["person_id"]) { value in
                value.delivered = row["delivered"]
                value.acked = row["acked"]
                value.responded = row["responded"]
                value.recentActivity += row["acked_recent"] as Int
                value.lastActivity = Self.later(value.lastActivity, row["last_ack"])
            }
        }
        let medians = try Row.fetchCursor(db, sql: """
            WITH delays AS (
                SELECT d.person_id, MAX(d.acked_at - d.delivered_at, 0) AS delay,
                    ROW_NUMBER() OVER (PARTITION BY d.person_id ORDER BY d.acked_at - d.delivered_at) AS position,
                    COUNT(*) OVER (PARTITION BY d.person_id) AS n
                FROM delivery d
                WHERE d.acked_at <= :cutoff AND d.delivered_at <= :cutoff AND \(deliveryFilter)
            )
            SELECT person_id, AVG(delay) AS median FROM delays
            WHERE position IN ((n + 1) / 2, (n + 2) / 2)
            GROUP BY person_id
            """, arguments: StatementArguments(["cutoff": cutoff]) + deliveryArguments)
        while let row = try medians.next() {
            update(row["person_id"]) { $0.medianAckDelay = row["median"] }
        }
        let routes = try Row.fetchCursor(db, sql: """
            SELECT d.person_id, d.hops, COUNT(*) AS n, MAX(d.delivered_at) AS latest
            FROM delivery d
            WHERE d.delivered_at <= :cutoff AND \(deliveryFilter)
            GROUP BY d.person_id, d.hops
            """, arguments: StatementArguments(["cutoff": cutoff]) + deliveryArguments)
        var usual: [String: (hops: Int, count: Int, latest: Double)] = [:]
        while let row = try routes.next() {
            let id: String = row["person_id"]
            let route = (hops: row["hops"] as Int, count: row["n"] as Int, latest: row["latest"] as Double)
            if let best = usual[id], (best.count, best.latest) >= (route.count, route.latest) { continue }
            usual[id] = route
        }
        for (id, route) in usual {
            update(id) { $0.hops = route.hops }
        }
        let (responseFilter, responseArguments) = Self.personFilter(scope, column: "r.person_id")
        let responses = try Row.fetchCursor(db, sql: """
            SELECT r.person_id, MAX(r.submitted_at) AS last_response, TOTAL(r.quiz_answers) AS quiz, TOTAL(r.quiz_correct) AS correct,
                COUNT(CASE WHEN r.submitted_at > :since THEN 1 END) AS recent
            FROM response r
            WHERE r.submitted_at <= :cutoff AND \(responseFilter)
            GROUP BY r.person_id
            """, arguments: StatementArguments(["cutoff": cutoff, "since": since]) + responseArguments)
        while let row = try responses.next() {
            update(row["person_id"]) { value in
                value.lastActivity = Self.later(value.lastActivity, row["last_response"])
                value.quizAnswers = Int(row["quiz"] as Double)
                value.quizCorrect = Int(row["correct"] as Double)
                value.recentActivity += row["recent"] as Int
            }
        }
        return inputs
    }

    /// A SQL condition on `partner` (aliased as the table itself) for `scope`.
    private static func partnerFilter(_ scope: EngagementScope) -> (String, StatementArguments) {
        switch scope {
        case .everyone: ("1", [])
        case .category(let category): ("category = ?", [category])
        case .partner(let partner): ("id = ?", [partner])
        case .person(let person): ("id = (SELECT partner_id FROM person WHERE id = ?)", [person])
        }
    }

    /// A SQL condition on a person id column for `scope`.
    private static func personFilter(_ scope: EngagementScope, column: String) -> (String, StatementArguments) {
        switch scope {
        case .everyone: ("1", [])
        case .category(let category):
            ("\(column) IN (SELECT id FROM person WHERE partner_id IN (SELECT id FROM partner WHERE category = ?))", [category])
        case .partner(let partner): ("\(column) IN (SELECT id FROM person WHERE partner_id = ?)", [partner])
        case .person(let person): ("\(column) = ?", [person])
        }
    }

    /// The later of a known time and an epoch value from SQL.
    private static func later(_ current: Date?, _ epoch: Double?) -> Date? {
        guard let epoch else { return current }
        let date = Date(timeIntervalSince1970: epoch)
        guard let current else { return date }
        return max(current, date)
    }
}
