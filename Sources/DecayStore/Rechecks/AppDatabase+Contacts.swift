import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// The re-checks and reminders queued or sent with a send time since `since` (cancelled ones excluded): what the
    /// weekly cap counts and what a pass must not plan again.
    public func queuedContacts(since: Date) async throws -> [QueuedContact] {
        try await self.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT kind, person_id, message_id, round, send_at FROM rep_contact WHERE send_at >= ? AND cancelled_at IS NULL
                """, arguments: [since.timeIntervalSince1970]).map { row in
                QueuedContact(
                    kind: PlannedContact.Kind(rawValue: row["kind"]) ?? .recheck, person: row["person_id"], message: row["message_id"],
                    round: row["round"], sendAt: Date(timeIntervalSince1970: row["send_at"]))
            }
        }
    }

    /// Reps (not managers) who received a broadcast delivered since `since` and have neither acknowledged it nor
    /// answered any survey on the message, with the reminders already queued for that delivery.
    public func nudgeCandidates(since: Date, asOf: Date) async throws -> [NudgeCandidate] {
        try await self.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.person_id, p.name, p.partner_id, p.timezone, d.message_id, d.message_version, d.delivered_at,
                       (SELECT COUNT(*) FROM rep_contact c
                        WHERE c.kind = 'nudge' AND c.person_id = d.person_id AND c.message_id = d.message_id
                          AND c.version = d.message_version AND c.cancelled_at IS NULL) AS nudges
                FROM delivery d JOIN person p ON p.id = d.person_id
                WHERE p.role = 'rep' AND d.broadcast_id IS NOT NULL AND d.acked_at IS NULL
                  AND d.delivered_at >= ? AND d.delivered_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM response r WHERE r.person_id = d.person_id AND +r.message_id = d.message_id)
                ORDER BY d.person_id, d.message_id
                """, arguments: [since.timeIntervalSince1970, asOf.timeIntervalSince1970]).map { row in
                NudgeCandidate(
                    person: row["person_id"], name: row["name"], partner: row["partner_id"], timezone: row["timezone"],
                    message: row["message_id"], version: row["message_version"],
                    deliveredAt: Date(timeIntervalSince1970: row["delivered_at"]), nudgesSent: row["nudges"])
            }
        }
    }

    /// Queues posts and the contacts they carry in one transaction. A contact already stored for its (kind, person,
    /// message, round) is not stored again, and one that would break the weekly cap (`perWeek` within 7 days of its
    /// send time) is dropped; a post left with no new contact, or whose key is already queued (a partner channel's
    /// post for that day), is not queued: its contacts are planned again by a later pass.
    public func queueContacts(_ posts: [ContactPost], perWeek: Int, now: Date) async throws -> ContactQueueResult {
        try await self.writer.write { db in
            var result = ContactQueueResult()
            let exists = try db.cachedStatement(sql: "SELECT 1 FROM rep_contact WHERE kind = ? AND person_id = ? AND message_id = ? AND round = ?")
            let near = try db.cachedStatement(sql: """
                SELECT COUNT(*) FROM rep_contact WHERE person_id = ? AND cancelled_at IS NULL AND send_at > ? AND send_at < ?
                """)
            let insert = try db.cachedStatement(sql: """
                INSERT INTO rep_contact (kind, person_id, partner_id, message_id, version, round, route, points, recall_before,
                                         reason, send_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let link = try db.cachedStatement(sql: "UPDATE rep_contact SET outbox_id = ? WHERE id = ?")
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            for post in posts {
                if try Int64.fetchOne(db, sql: "SELECT id FROM outbox WHERE idempotency_key = ?", arguments: [post.item.idempotencyKey]) != nil {
                    result.alreadyQueued += post.contacts.count
                    continue
                }
                var ids: [Int64] = []
                for contact in post.contacts {
                    let key: StatementArguments = [contact.kind.rawValue, contact.person, contact.message, contact.round]
                    if try Bool.fetchOne(exists, arguments: key) == true {
                        result.alreadyQueued += 1
                        continue
                    }
                    let send = contact.sendAt.timeIntervalSince1970
                    let week = ContactSelection.week
                    if try Int.fetchOne(near, arguments: [contact.person, send - week, send + week]) ?? 0 >= perWeek {
                        result.capped += 1
                        continue
                    }
                    let points = String(decoding: try encoder.encode(contact.points), as: UTF8.self)
                    try insert.execute(arguments: [
                        contact.kind.rawValue, contact.person, contact.partner, contact.message, contact.version, contact.round,
                        post.route.rawValue, points, contact.points.first?.recallNow, contact.reason, send, now.timeIntervalSince1970,
                    ])
                    ids.append(db.lastInsertedRowID)
                }
                guard !ids.isEmpty else { continue }
                let sendAt = post.contacts.map(\.sendAt).min() ?? now
                let outboxID = try Self.enqueue(post.item, now: now, notBefore: sendAt, db)
                for id in ids { try link.execute(arguments: [outboxID, id]) }
                result.posts += 1
                result.contacts += ids.count
            }
            return result
        }
    }

    /// Cancels queued contacts that should no longer go out, and deletes their posts when nothing in them is left to
    /// send and no attempt was made: a re-check whose rep answered the message since it was planned, a reminder whose
    /// rep acknowledged or answered, and anything for a person no longer in the directory.
    public func cancelStaleContacts(now: Date) async throws -> CancelledContacts {
        try await self.writer.write { db in
            let pending = """
                c.cancelled_at IS NULL AND c.outbox_id IN (SELECT id FROM outbox WHERE status = 'pending' AND attempts = 0)
                """
            try db.execute(sql: """
                UPDATE rep_contact AS c SET cancelled_at = ?1, cancel_reason = 'person removed from the directory'
                WHERE \(pending) AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = c.person_id)
                """, arguments: [now.timeIntervalSince1970])
            var contacts = db.changesCount
            try db.execute(sql: """
                UPDATE rep_contact AS c SET cancelled_at = ?1, cancel_reason = 'answered before the send'
                WHERE \(pending) AND EXISTS (SELECT 1 FROM response r WHERE r.person_id = c.person_id AND +r.message_id = c.message_id
                                                AND r.received_at >= c.created_at)
                """, arguments: [now.timeIntervalSince1970])
            contacts += db.changesCount
            try db.execute(sql: """
                UPDATE rep_contact AS c SET cancelled_at = ?1, cancel_reason = 'acknowledged before the reminder'
                WHERE \(pending) AND c.kind = 'nudge' AND EXISTS (SELECT 1 FROM delivery d WHERE d.person_id = c.person_id
                    AND d.message_id = c.message_id AND d.message_version = c.version AND d.acked_at IS NOT NULL)
                """, arguments: [now.timeIntervalSince1970])
            contacts += db.changesCount
            try db.execute(sql: """
                DELETE FROM outbox WHERE status = 'pending' AND attempts = 0
                  AND id IN (SELECT outbox_id FROM rep_contact WHERE cancelled_at IS NOT NULL)
                  AND NOT EXISTS (SELECT 1 FROM rep_contact c WHERE c.outbox_id = outbox.id AND c.cancelled_at IS NULL)
                """)
            return CancelledContacts(contacts: contacts, posts: db.changesCount)
        }
    }
}

extension AppDatabase {
    /// Re-checks and reminders (not cancelled) with a send time in `from...through`, and whether each was delivered:
    /// what the digest's Re-checks section reads.
    public func digestContacts(from: Date, through: Date) async throws -> [DigestContact] {
        try await self.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.kind, c.person_id, c.message_id, c.points, c.send_at, o.status
                FROM rep_contact c LEFT JOIN outbox o ON o.id = c.outbox_id
                WHERE c.cancelled_at IS NULL AND c.send_at >= ? AND c.send_at <= ?
                """, arguments: [from.timeIntervalSince1970, through.timeIntervalSince1970]).map { row in
                let points = (try? JSONDecoder().decode([StoredPoint].self, from: Data((row["points"] as String).utf8))) ?? []
                return DigestContact(
                    kind: DigestContact.Kind(rawValue: row["kind"]) ?? .recheck, person: row["person_id"], message: row["message_id"],
                    keyPoints: points.map(\.key_point), sendAt: Date(timeIntervalSince1970: row["send_at"]),
                    delivered: (row["status"] as String?) == OutboxStatus.delivered.rawValue)
            }
        }
    }

    /// The part of a stored re-check point the digest needs.
    private struct StoredPoint: Decodable {
        var key_point: String
    }
}

extension AppDatabase {
    /// Re-checks and reminders (not cancelled) with a send time in `from..<through`, each with whether it was
    /// delivered and whether its rep answered the message at or after the send time: the overview's re-check figures.
    public func contactActivity(from: Date, through: Date) async throws -> [ContactActivity] {
        try await self.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.kind, c.person_id, c.partner_id, c.message_id, c.send_at, o.status,
                       EXISTS (SELECT 1 FROM response r WHERE r.person_id = c.person_id AND +r.message_id = c.message_id
                                                          AND r.received_at >= c.send_at) AS answered
                FROM rep_contact c LEFT JOIN outbox o ON o.id = c.outbox_id
                WHERE c.cancelled_at IS NULL AND c.send_at >= ? AND c.send_at < ?
                """, arguments: [from.timeIntervalSince1970, through.timeIntervalSince1970]).map { row in
                ContactActivity(
                    kind: ContactActivity.Kind(rawValue: row["kind"]) ?? .recheck, person: row["person_id"], partner: row["partner_id"],
                    message: row["message_id"], sendAt: Date(timeIntervalSince1970: row["send_at"]),
                    sent: (row["status"] as String?) == OutboxStatus.delivered.rawValue, answered: row["answered"])
            }
        }
    }
}
