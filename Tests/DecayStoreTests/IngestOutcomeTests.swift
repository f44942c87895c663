import DecayApp
import DecayCore
import Foundation
import GRDB
import Testing

@testable import DecayStore

/// What ingest produced is kept in columns: a repeated request answers with exactly the stored outcome, and outcomes
/// stored as JSON before the `v6-inbound-outcome-columns` migration read back the same.
@Suite("Ingest outcomes in the store")
struct IngestOutcomeTests {
    static func ingest(_ database: AppDatabase, _ id: String, _ checked: Result<CheckedEvent, InboundError>) async throws -> IngestOutcome {
        try await database.writer.write { db in
            try AppDatabase.ingest(InboundRequest(source: "events", externalID: id, receivedAt: Date(), body: [1]), checked: checked, db)
        }
    }

    @Test func aRepeatAnswersWithTheStoredOutcome() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        _ = try await DirectoryImports(store: database).run(.partners, text: "id,name\np1,P\n", format: .csv, source: .cli)
        _ = try await DirectoryImports(store: database).run(.people, text: "id,name,partner,role\nr1,R,p1,rep\n", format: .csv, source: .cli)
        let message = try #require(catalog.messages["vault-3-launch"])
        let relay = MessageRelayEvent(message: message.id, from: "r1", to: ["r1"], text: "hi", at: Date())
        let cases: [(String, Result<CheckedEvent, InboundError>)] = [
            ("accepted", .success(.relay(relay, message: message))),
            ("invalid", .failure(InboundError(.unprocessable, "unknown option 'a\"b\\\n\u{01}é'", field: "answers.q1"))),
            ("unknown", .success(.ack(MessageAckEvent(message: message.id, person: "nobody", at: Date()), message: message))),
        ]
        for (id, checked) in cases {
            let first = try await Self.ingest(database, id, checked)
            var again = try await Self.ingest(database, id, checked)
            #expect(again.duplicate)
            again.duplicate = false
            #expect(again == first, "\(id)")
        }
        #expect(try await Self.ingest(database, "accepted", cases[0].1).reached == 1)
        #expect(try await Self.ingest(database, "unknown", cases[2].1).error?.field == "person")
    }

    @Test func outcomesStoredAsJSONBeforeTheMigrationReadBackTheSame() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v5-lean-ingest-indexes")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO inbound_event (id, source, external_id, received_at, headers, body, status, error_code, error_field, error_message, result)
                VALUES (7, 'events', 'a', 0, '{}', X'', 'accepted', NULL, NULL, NULL,
                        '{"inboundID":7,"status":"accepted","duplicate":false,"kind":"survey.response","responseID":3,"graded":2,"correct":1}'),
                       (8, 'events', 'b', 0, '{}', X'', 'rejected', 'unprocessable', 'person', 'unknown person',
                        '{"inboundID":8,"status":"rejected","duplicate":false,"error":{"kind":"unprocessable","message":"unknown person","field":"person"}}')
                """)
        }
        let database = try AppDatabase(queue)
        let outcomes = try database.reader.read { db in
            [try AppDatabase.storedOutcome(inboundID: 7, db), try AppDatabase.storedOutcome(inboundID: 8, db)]
        }
        #expect(outcomes[0] == IngestOutcome(inboundID: 7, status: .accepted, kind: "survey.response", responseID: 3, graded: 2, correct: 1))
        #expect(outcomes[1] == IngestOutcome(inboundID: 8, status: .rejected, error: InboundError(.unprocessable, "unknown person", field: "person")))
    }
}
