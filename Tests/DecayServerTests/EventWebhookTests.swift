import DecayApp
import DecayCore
import DecayStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /webhooks/events` over a real socket, signed exactly as a Standard Webhooks sender signs.
@Suite("Standard Webhooks endpoint")
struct EventWebhookTests {
    static let signer = try! StandardWebhooks(secret: ServerTests.webhookSecret)

    static func headers(id: String, body: [UInt8], timestamp: Int = Int(Date().timeIntervalSince1970), signer: StandardWebhooks = Self.signer) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in signer.headers(id: id, timestamp: timestamp, body: body) {
            fields[HTTPField.Name(name)!] = value
        }
        return fields
    }

    static func seedDirectory(_ database: AppDatabase) async throws {
        let examples = ServerTests.repoRoot.appendingPathComponent("examples")
        _ = try await DirectoryImports(store: database).run(.partners, text: try String(contentsOf: examples.appendingPathComponent("partners.csv"), encoding: .utf8), format: .csv, source: .cli)
        _ = try await DirectoryImports(store: database).run(.people, text: try String(contentsOf: examples.appendingPathComponent("people.csv"), encoding: .utf8), format: .csv, source: .cli)
    }

    static let response = Array("""
        {"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042",
         "submitted_at": "2026-11-20T10:15:00Z",
         "answers": {"q1": "a", "q2": "a", "q5": "Vault 3 backs up clinics and mid-market hospitals", "q6": 8}}
        """.utf8)

    @Test func acceptedResponsesAreGradedAndDuplicatesChangeNothing() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await Self.seedDirectory(database)
        try await app.test(.live) { client in
            let first = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "msg_1", body: Self.response), body: ByteBuffer(bytes: Self.response))
            #expect(first.status == .ok)
            let body = try ServerTests.json(first)
            #expect(body["status"] as? String == "accepted")
            #expect(body["duplicate"] as? Bool == false)
            #expect(body["graded"] as? Int == 2)
            #expect(body["correct"] as? Int == 1)

            let again = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "msg_1", body: Self.response), body: ByteBuffer(bytes: Self.response))
            #expect(again.status == .ok)
            #expect(try ServerTests.json(again)["duplicate"] as? Bool == true)
            #expect(try ServerTests.json(again)["response_id"] as? Int == body["response_id"] as? Int)

            let listed = try await client.execute(uri: "/api/responses?person=rep-0042&survey=vault-3-check", method: .get, headers: ServerTests.auth)
            let items = try #require(try ServerTests.json(listed)["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let answers = try #require(items[0]["answers"] as? [[String: Any]])
            #expect(answers.first { $0["question"] as? String == "q1" }?["correct"] as? Bool == true)
            #expect(answers.first { $0["question"] as? String == "q5" }?["text"] as? String == "Vault 3 backs up clinics and mid-market hospitals")
        }
        #expect(try await database.directoryCounts().responses == 1)
    }

    @Test func acksAndRelaysRecordDeliveriesAndHops() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await Self.seedDirectory(database)
        let relay = Array(#"{"type": "message.relay", "message": "vault-3-launch", "from": "pm-007", "to": ["rep-0042", "rep-0043"], "text": "Team: Vault 3 is our new backup for small retail shops", "at": "2026-11-19T16:00:00Z"}"#.utf8)
        let ack = Array(#"{"type": "message.ack", "message": "vault-3-launch", "person": "rep-0042", "at": "2026-11-20T09:02:11Z"}"#.utf8)
        try await app.test(.live) { client in
            let relayed = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "msg_relay", body: relay), body: ByteBuffer(bytes: relay))
            #expect(relayed.status == .ok)
            #expect(try ServerTests.json(relayed)["reached"] as? Int == 2)
            let acked = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "msg_ack", body: ack), body: ByteBuffer(bytes: ack))
            #expect(acked.status == .ok)
        }
        let rows = try await database.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, hops, via, acked_at FROM delivery ORDER BY person_id")
        }
        #expect(rows.map { $0["person_id"] as String } == ["pm-007", "rep-0042", "rep-0043"])
        #expect(rows.map { $0["hops"] as Int } == [0, 1, 1])
        #expect(rows[1]["via"] as String? == "pm-007")
        #expect(rows[1]["acked_at"] as Double? == RFC3339Time.seconds("2026-11-20T09:02:11Z"))
        #expect(rows[2]["acked_at"] as Double? == nil)
    }

    @Test func anAckBeforeItsDeliveryIsRefusedBeyondClockSkewAndClampedWithin() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await Self.seedDirectory(database)
        let relay = Array(#"{"type": "message.relay", "message": "vault-3-launch", "from": "pm-007", "to": ["rep-0042", "rep-0043"], "text": "Vault 3 is out", "at": "2026-11-19T16:00:00Z"}"#.utf8)
        let early = Array(#"{"type": "message.ack", "message": "vault-3-launch", "person": "rep-0042", "at": "2026-11-19T15:00:00Z"}"#.utf8)
        let skewed = Array(#"{"type": "message.ack", "message": "vault-3-launch", "person": "rep-0043", "at": "2026-11-19T15:58:00Z"}"#.utf8)
        try await app.test(.live) { client in
            #expect(try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "relay", body: relay), body: ByteBuffer(bytes: relay)).status == .ok)
            let refused = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "early", body: early), body: ByteBuffer(bytes: early))
            #expect(refused.status == .unprocessableContent)
            #expect(try ServerTests.error(refused)["field"] as? String == "at")
            let clamped = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "skewed", body: skewed), body: ByteBuffer(bytes: skewed))
            #expect(clamped.status == .ok)
        }
        let rows = try await database.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, delivered_at, acked_at FROM delivery WHERE person_id LIKE 'rep-%' ORDER BY person_id")
        }
        let relayedAt = try #require(RFC3339Time.seconds("2026-11-19T16:00:00Z"))
        #expect(rows.map { $0["delivered_at"] as Double } == [relayedAt, relayedAt], "an early ack never moves the delivery")
        #expect(rows[0]["acked_at"] as Double? == nil)
        #expect(rows[1]["acked_at"] as Double? == relayedAt, "within the clock-skew allowance the delay is clamped to 0")
        #expect(try await database.inbox(rejectedOnly: true).map(\.errorField) == ["at"])
    }

    @Test func signatureProblemsAre401AndStoreNothing() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await Self.seedDirectory(database)
        let body = Self.response
        try await app.test(.live) { client in
            let now = Int(Date().timeIntervalSince1970)
            var tampered = Self.headers(id: "msg_2", body: body)
            tampered[HTTPField.Name("webhook-id")!] = "msg_3"
            let cases: [(String, HTTPFields)] = [
                ("no headers", [.contentType: "application/json"]),
                ("wrong secret", Self.headers(id: "msg_2", body: body, signer: try StandardWebhooks(secret: "whsec_" + Data("another secret key!".utf8).base64EncodedString()))),
                ("signed for another id", tampered),
                ("stale", Self.headers(id: "msg_2", body: body, timestamp: now - 330)),
                ("future", Self.headers(id: "msg_2", body: body, timestamp: now + 330)),
            ]
            for (name, headers) in cases {
                let response = try await client.execute(uri: "/webhooks/events", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                #expect(response.status == .unauthorized, "\(name)")
                #expect(try ServerTests.error(response)["code"] as? String == "unauthorized", "\(name)")
            }
            let missing = try await client.execute(uri: "/webhooks/events", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
            #expect(try ServerTests.error(missing)["field"] as? String == "webhook-id")
        }
        #expect(try await database.inbox(rejectedOnly: false).isEmpty)
    }

    @Test func oversizedBodiesAre413() async throws {
        let (app, _) = try await ServerTests.makeApp()
        let body = Array(repeating: UInt8(ascii: " "), count: 256 * 1024 + 1)
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "big", body: body), body: ByteBuffer(bytes: body))
            #expect(response.status == .contentTooLarge)
            #expect(try ServerTests.error(response)["code"] as? String == "payload_too_large")
        }
    }

    @Test(arguments: [
        (#"{"type": "survey.response", "survey": "vault-3-check""#, nil as String?),
        (#"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "yesterday", "answers": {}}"#, "submitted_at"),
        (#"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q1": {"x": 1}}}"#, "answers.q1"),
        (#"{"type": "message.relay", "message": "m", "from": "a", "to": "b", "text": "t", "at": "2026-11-20T10:15:00Z"}"#, "to"),
        (#"{"type": "message.opened", "message": "m"}"#, "type"),
        (#"[1, 2]"#, nil),
        (#"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042\u0000", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q1": "a"}}"#, "person"),
        (#"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q5": "ok\u001b[2J"}}"#, "answers.q5"),
        (#"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "1999-12-31T23:59:59Z", "answers": {"q1": "a"}}"#, "submitted_at"),
        (#"{"type": "message.ack", "message": "vault-3-launch", "person": "rep-0042", "at": "2099-01-01T00:00:00Z"}"#, "at"),
    ])
    func malformedBodiesAre400NamingTheField(body: String, field: String?) async throws {
        let (app, database) = try await ServerTests.makeApp()
        let bytes = Array(body.utf8)
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: "bad", body: bytes), body: ByteBuffer(bytes: bytes))
            #expect(response.status == .badRequest)
            let error = try ServerTests.error(response)
            #expect(error["code"] as? String == "bad_request")
            #expect(error["field"] as? String == field)
        }
        #expect(try await database.inbox(rejectedOnly: false).isEmpty)
    }

    @Test func unknownReferencesAre422KeptAndReplayable() async throws {
        let (app, database) = try await ServerTests.makeApp()
        let cases: [(String, String, String)] = [
            ("unknown-survey", #"{"type": "survey.response", "survey": "nope", "person": "rep-0042", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q1": "a"}}"#, "survey"),
            ("unknown-question", #"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q99": "a"}}"#, "answers.q99"),
            ("unknown-option", #"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q1": "z"}}"#, "answers.q1"),
            ("unknown-person", #"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q1": "a"}}"#, "person"),
        ]
        try await app.test(.live) { client in
            for (id, body, field) in cases {
                let bytes = Array(body.utf8)
                let response = try await client.execute(uri: "/webhooks/events", method: .post, headers: Self.headers(id: id, body: bytes), body: ByteBuffer(bytes: bytes))
                #expect(response.status == .unprocessableContent, "\(id)")
                #expect(try ServerTests.error(response)["field"] as? String == field, "\(id)")
                #expect((try ServerTests.error(response)["message"] as? String)?.contains("decay inbox replay") == true)
            }
        }
        let rejected = try await database.inbox(rejectedOnly: true)
        #expect(rejected.count == 4)
        #expect(Set(rejected.map(\.errorField)) == ["survey", "answers.q99", "answers.q1", "person"])

        try await Self.seedDirectory(database)
        let pipeline = try ServerTests.pipeline(database)
        let personCase = try #require(rejected.first { $0.externalID == "unknown-person" })
        let replayed = try await pipeline.replay(personCase.id)
        #expect(replayed.status == .accepted)
        #expect(try await database.directoryCounts().responses == 1)
        let stillBad = try #require(rejected.first { $0.externalID == "unknown-option" })
        #expect(try await pipeline.replay(stillBad.id).status == .rejected)
        #expect(try await database.inbox(rejectedOnly: true).count == 3)
    }
}

enum RFC3339Time {
    static func seconds(_ text: String) -> Double {
        (try! Date(text, strategy: .iso8601)).timeIntervalSince1970
    }
}
