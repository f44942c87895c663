import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// One person's deliveries, responses with answers, and engagement inputs as of `asOf`, in one read;
    /// nil when there is no such person.
    public func personActivity(_ id: String, asOf: Date) async throws -> PersonActivity? {
        try await self.reader.read { db in
            guard let person = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]).map(Self.person)
            else { return nil }
            let partner = try person.partner.flatMap {
                try Row.fetchOne(db, sql: "SELECT * FROM partner WHERE id = ?", arguments: [$0]).map(Self.partner)
            }
            let cutoff = asOf.timeIntervalSince1970
            let deliveries = try Row.fetchAll(db, sql: """
                SELECT message_id, message_version, hops, via, delivered_at, acked_at FROM delivery
                WHERE person_id = ? AND delivered_at <= ? ORDER BY delivered_at, id
                """, arguments: [id, cutoff]).map { row in
                PersonActivity.Delivery(
                    message: row["message_id"], version: row["message_version"], hops: row["hops"], via: row["via"],
                    deliveredAt: Date(timeIntervalSince1970: row["delivered_at"]),
                    ackedAt: (row["acked_at"] as Double?).flatMap { $0 <= cutoff ? Date(timeIntervalSince1970: $0) : nil }
                )
            }
            var answers: [Int64: [PersonActivity.Answer]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.response_id, a.question_id, a.kind, a.key_point, a.correct FROM answer a
                JOIN response r ON r.id = a.response_id
                WHERE r.person_id = ? AND r.submitted_at <= ? ORDER BY a.response_id, a.question_id
                """, arguments: [id, cutoff]) {
                answers[row["response_id"], default: []].append(PersonActivity.Answer(
                    question: row["question_id"], kind: row["kind"], keyPoint: row["key_point"], correct: row["correct"]))
            }
            let responses = try Row.fetchAll(db, sql: """
                SELECT id, survey_id, message_id, message_version, submitted_at FROM response
                WHERE person_id = ? AND submitted_at <= ? ORDER BY submitted_at, id
                """, arguments: [id, cutoff]).map { row in
                PersonActivity.Response(
                    id: row["id"], survey: row["survey_id"], message: row["message_id"], version: row["message_version"],
                    submittedAt: Date(timeIntervalSince1970: row["submitted_at"]), answers: answers[row["id"]] ?? []
                )
            }
            let inputs = try Self.engagementInputs(asOf: asOf, scope: .person(id), db)[id]
                ?? EngagementInputs(person: id, delivered: 0, acked: 0, responded: 0)
            return PersonActivity(
                asOf: asOf, person: person, partner: partner, deliveries: deliveries, responses: responses, inputs: inputs)
        }
    }
}
