import DecayCore
import Foundation
import GRDB

/// What an erasure removed, table by table.
public struct ErasureCounts: Sendable, Equatable, Codable {
    public var people = 0
    public var deliveries = 0
    public var responses = 0
    public var answers = 0
    public var quizOutcomes = 0
    public var freeTextPoints = 0
    public var relays = 0
    public var relayRecipients = 0
    public var inboundEvents = 0
    /// Re-checks and reminders planned for them; a post to their own destination not sent yet goes too.
    public var contacts = 0
    /// Their dashboard sign-ins (a manager's link sessions), ended at once.
    public var sessions = 0

    public init() {}
}

extension AppDatabase {
    /// Removes a person and everything that is about them in one transaction: their deliveries, responses with their
    /// answers and outcomes, the relays they wrote and received, the re-checks and reminders planned for them, their dashboard sessions, and the raw inbound
    /// requests that name them (by id or chat handle). Deliveries they relayed to others keep their hop count but no longer name them. Nil: no such person.
    public func erasePerson(_ id: String) async throws -> ErasureCounts? {
        try await self.writer.write { db in
            guard let person = try PersonRecord.fetchOne(db, key: id)?.person else { return nil }
            var counts = ErasureCounts()
            let responses = try Row.fetchAll(db, sql: "SELECT id, message_id, inbound_id FROM response WHERE person_id = ?", arguments: [id])
            var inbound = Set(responses.compactMap { $0["inbound_id"] as Int64? })
            for response in responses {
                let responseID: Int64 = response["id"]
                counts.answers += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE response_id = ?", arguments: [responseID]) ?? 0
                if let message: String = response["message_id"] {
                    try db.execute(sql: "DELETE FROM quiz_outcome WHERE message_id = ? AND response_id = ?", arguments: [message, responseID])
                    counts.quizOutcomes += db.changesCount
                    try db.execute(sql: "DELETE FROM free_text_point WHERE message_id = ? AND response_id = ?", arguments: [message, responseID])
                    counts.freeTextPoints += db.changesCount
                }
            }
            try db.execute(sql: "DELETE FROM response WHERE person_id = ?", arguments: [id])
            counts.responses = db.changesCount
            let relays = try Row.fetchAll(db, sql: "SELECT id, inbound_id FROM relay WHERE from_person = ?", arguments: [id])
            inbound.formUnion(relays.compactMap { $0["inbound_id"] as Int64? })
            for relay in relays {
                try db.execute(sql: "DELETE FROM relay_recipient WHERE relay_id = ?", arguments: [relay["id"] as Int64])
                counts.relayRecipients += db.changesCount
            }
            try db.execute(sql: "DELETE FROM relay WHERE from_person = ?", arguments: [id])
            counts.relays = db.changesCount
            try db.execute(sql: "DELETE FROM relay_recipient WHERE person_id = ?", arguments: [id])
            counts.relayRecipients += db.changesCount
            try db.execute(sql: "DELETE FROM delivery WHERE person_id = ?", arguments: [id])
            counts.deliveries = db.changesCount
            try db.execute(sql: "UPDATE delivery SET via = NULL WHERE via = ?", arguments: [id])
            try db.execute(sql: "UPDATE person SET reports_to = NULL WHERE reports_to = ?", arguments: [id])
            for name in [person.id, person.chatHandle].compactMap({ $0 }) where !name.isEmpty {
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT id FROM inbound_event WHERE instr(body, CAST(? AS BLOB)) > 0 OR instr(body, CAST(? AS BLOB)) > 0
                    """, arguments: ["\"\(name)\"", Self.formEncodedQuoted(name)])
                inbound.formUnion(ids)
            }
            for event in inbound.sorted() {
                try db.execute(sql: "DELETE FROM inbound_event WHERE id = ?", arguments: [event])
                counts.inboundEvents += db.changesCount
            }
            try db.execute(sql: """
                DELETE FROM outbox WHERE status = 'pending' AND attempts = 0
                  AND id IN (SELECT outbox_id FROM rep_contact WHERE person_id = ? AND route = 'personal')
                """, arguments: [id])
            try db.execute(sql: "DELETE FROM rep_contact WHERE person_id = ?", arguments: [id])
            counts.contacts = db.changesCount
            try db.execute(sql: "DELETE FROM dashboard_session WHERE person_id = ?", arguments: [id])
            counts.sessions = db.changesCount
            try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [id])
            counts.people = db.changesCount
            return counts
        }
    }

    /// Empties the raw body and headers of inbound requests received before `cutoff`, keeping the row (so a repeated
    /// delivery is still recognised) and everything it produced; returns how many it pruned. Short transactions of
    /// 1,000 rows, so ingest is never held up for long.
    public func pruneInboundBodies(receivedBefore cutoff: Date) async throws -> Int {
        var pruned = 0
        while true {
            let changed = try await self.writer.write { db in
                try db.execute(sql: """
                    UPDATE inbound_event SET body = X'', headers = '{}'
                    WHERE id IN (SELECT id FROM inbound_event WHERE received_at < ? AND length(body) > 0 LIMIT 1000)
                    """, arguments: [cutoff.timeIntervalSince1970])
                return db.changesCount
            }
            pruned += changed
            if changed < 1000 { return pruned }
        }
    }

    /// `"id"` as it appears in a form-encoded body (Slack interactions, survey pages): quotes as `%22`.
    private static func formEncodedQuoted(_ text: String) -> String {
        "%22" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text) + "%22"
    }
}
