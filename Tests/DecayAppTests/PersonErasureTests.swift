import DecayApp
import DecayCore
import DecayStore
import Foundation
import GRDB
import Testing

/// Erasure against real SQLite files: everything about the person goes, in one transaction, and the reports read
/// exactly as they do on a database where the person was never in the channel.
@Suite("Person erasure and raw-body retention")
struct PersonErasureTests {
    static let asOf = Date(timeIntervalSince1970: 1_795_132_800)

    /// The demo channel as generated, and the same channel with `person` left out from the start.
    static func channels(without person: String, _ catalog: ContentCatalog) -> (full: DemoChannel, without: DemoChannel) {
        let full = DemoGenerator(seed: 5, asOf: self.asOf, partnerCount: 4).generate(catalog: catalog)
        var without = full
        without.people.removeAll { $0.id == person }
        without.deliveries.removeAll { $0.personID == person }
        for index in without.deliveries.indices where without.deliveries[index].via == person { without.deliveries[index].via = nil }
        without.responses.removeAll { $0.personID == person }
        without.relays.removeAll { $0.from == person }
        for index in without.relays.indices { without.relays[index].to.removeAll { $0 == person } }
        return (full, without)
    }

    static func save(_ channel: DemoChannel, _ catalog: ContentCatalog) async throws -> AppDatabase {
        let database = try await TestDatabase.open()
        try await ContentSync(store: database, catalog: catalog).run()
        var points: [String: [String: [PointScore]]] = [:]
        for response in channel.responses {
            points[response.externalID] = catalog.freeTextScoring.points(survey: response.surveyID, answers: response.answers)
        }
        try await database.saveDemo(channel, freeTextPoints: points)
        return database
    }

    /// Stores one inbound request and its effects, as the webhook path does (without the group-commit service).
    static func ingest(_ database: AppDatabase, _ request: InboundRequest, _ event: InboundEvent, _ catalog: ContentCatalog) async throws -> IngestOutcome {
        try await database.writer.write { db in try AppDatabase.ingest(request, checked: CheckedEvent.check(event, catalog: catalog, now: request.receivedAt), db) }
    }

    static func reports(_ database: AppDatabase, _ catalog: ContentCatalog) async throws -> String {
        var parts = [try JSONStyle.encoder.encode(try await EngagementReports(store: database).partners(asOf: self.asOf, category: nil))]
        for message in catalog.sortedMessages {
            var report = try await MessageReports(store: database, catalog: catalog).report(message: message.id, resamples: 0)
            // When each database loaded the content is a clock reading, not anything about people.
            for index in report.versions.indices { report.versions[index].loadedAt = .distantPast }
            parts.append(try JSONStyle.encoder.encode(report))
        }
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    @Test func reportsAfterAnErasureAreAsIfThePersonHadNeverExisted() async throws {
        let catalog = try TestDatabase.catalog()
        let probe = DemoGenerator(seed: 5, asOf: Self.asOf, partnerCount: 4).generate(catalog: catalog)
        let rep = try #require(probe.people.first { person in
            person.role == .rep && probe.responses.contains { $0.personID == person.id } && probe.relays.contains { $0.to.contains(person.id) }
        }).id
        let (full, without) = Self.channels(without: rep, catalog)
        let erased = try await Self.save(full, catalog)
        let ack = #"{"type": "message.ack", "message": "vault-3-launch", "person": "\#(rep)", "at": "2026-11-19T09:00:00Z"}"#
        let outcome = try await Self.ingest(
            erased, InboundRequest(source: "events", externalID: "msg_erasure_1", receivedAt: Self.asOf, body: Array(ack.utf8)),
            .messageAck(MessageAckEvent(message: "vault-3-launch", person: rep, at: Self.asOf)), catalog)
        #expect(outcome.status == .accepted)

        let report = try await PersonErasure(store: erased).erase(rep)
        #expect(report.removed.people == 1)
        #expect(report.removed.deliveries > 0)
        #expect(report.removed.responses == full.responses.filter { $0.personID == rep }.count)
        #expect(report.removed.answers > 0)
        #expect(report.removed.quizOutcomes > 0)
        #expect(report.removed.relayRecipients > 0)
        #expect(report.removed.inboundEvents == 1, "the raw ack naming them")
        let mentions = try await erased.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbound_event WHERE instr(body, CAST(? AS BLOB)) > 0", arguments: [rep])
        }
        #expect(mentions == 0)

        let never = try await Self.save(without, catalog)
        #expect(try await Self.reports(erased, catalog) == Self.reports(never, catalog))
        await #expect(throws: UseCaseError(.notFound, "unknown person '\(rep)'", field: "id")) { try await PersonErasure(store: erased).erase(rep) }
    }

    @Test func retentionEmptiesOldBodiesAndKeepsWhatTheyProduced() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await Self.save(DemoGenerator(seed: 5, asOf: Self.asOf, partnerCount: 2).generate(catalog: catalog), catalog)
        let rep = try #require(try await database.people(partner: nil).first { $0.role == .rep }).id
        let delivered = try await database.reader.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(delivered_at) FROM delivery WHERE person_id = ? AND message_id = 'vault-3-launch'", arguments: [rep])
        }
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE delivery SET delivered_at = ? WHERE person_id = ?", arguments: [Self.asOf.timeIntervalSince1970 - 200 * 86_400, rep])
        }
        #expect(delivered != nil, "the acks below acknowledge a delivery moved to before them")
        for (index, days) in [100.0, 10.0].enumerated() {
            let at = Self.asOf.addingTimeInterval(-days * 86_400)
            _ = try await Self.ingest(
                database, InboundRequest(source: "events", externalID: "old-\(index)", receivedAt: at, body: Array("{\"person\": \"\(rep)\"}".utf8)),
                .messageAck(MessageAckEvent(message: "vault-3-launch", person: rep, at: at)), catalog)
        }
        let retention = RawBodyRetention(store: database, days: 90, logger: .init(label: "test"))
        #expect(try await retention.prune(now: Self.asOf) == 1)
        #expect(try await retention.prune(now: Self.asOf) == 0, "a second pass finds nothing left to prune")
        let rows = try await database.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT external_id, length(body) AS size, status FROM inbound_event ORDER BY external_id")
        }
        #expect(rows.map { $0["size"] as Int } == [0, Int("{\"person\": \"\(rep)\"}".utf8.count)])
        #expect(rows.allSatisfy { $0["status"] as String == "accepted" }, "the outcome stays, so a repeat is still a duplicate")
    }
}
