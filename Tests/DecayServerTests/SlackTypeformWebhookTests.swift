import DecayApp
import DecayCore
import DecayStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import DecayInbound
import DecayServer

@Suite("Slack and Typeform endpoints")
struct SlackTypeformWebhookTests {
    /// What Slack posts when Maya clicks answer `a` of q1 on a broadcast in her partner's channel.
    static func slackBody(
        value: String, user: String = "U0MAYA", username: String = "maya.johnson", actionTS: String = "1763632500.000100",
        responseURL: String = "https://hooks.slack.com/actions/T3MDE/1/abc", ephemeral: Bool = false
    ) -> [UInt8] {
        let payload = """
            {"type":"block_actions","user":{"id":"\(user)","username":"\(username)","name":"\(username)","team_id":"T3MDE"},
             "api_app_id":"A0KRD7HC3","token":"legacy","container":{"type":"message","message_ts":"1548261231.000200","channel_id":"C0KAC8H8G","is_ephemeral":\(ephemeral)},
             "trigger_id":"12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3","team":{"id":"T3MDE","domain":"northwind"},
             "channel":{"id":"C0KAC8H8G","name":"northwind"},"response_url":"\(responseURL)",
             "actions":[{"action_id":"answer","block_id":"q1","value":"\(value)","type":"button","action_ts":"\(actionTS)",
                         "text":{"type":"plain_text","text":"Mid-market healthcare","emoji":true}}]}
            """
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return Array(("payload=" + payload.addingPercentEncoding(withAllowedCharacters: allowed)!).utf8)
    }

    static func slackHeaders(_ body: [UInt8], timestamp: Int = Int(Date().timeIntervalSince1970)) throws -> HTTPFields {
        let signer = try SlackSignature(signingSecret: ServerTests.slackSecret)
        return [
            .contentType: "application/x-www-form-urlencoded",
            HTTPField.Name("X-Slack-Request-Timestamp")!: String(timestamp),
            HTTPField.Name("X-Slack-Signature")!: signer.sign(timestamp: timestamp, body: body),
        ]
    }

    @Test func slackButtonClicksBecomeAnswersAndAcks() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await EventWebhookTests.seedDirectory(database)
        let answer = Self.slackBody(value: "ans1:vault-3-check:q1:a")
        let ack = Self.slackBody(value: "ack1:vault-3-launch", actionTS: "1763632600.000200")
        let stranger = Self.slackBody(value: "ans1:vault-3-check:q1:b", user: "U0NOBODY", username: "nobody")
        try await app.test(.live) { client in
            let first = try await client.execute(uri: "/webhooks/slack", method: .post, headers: try Self.slackHeaders(answer), body: ByteBuffer(bytes: answer))
            #expect(first.status == .ok)
            #expect(try ServerTests.json(first)["correct"] as? Int == 1)
            let retry = try await client.execute(uri: "/webhooks/slack", method: .post, headers: try Self.slackHeaders(answer), body: ByteBuffer(bytes: answer))
            #expect(try ServerTests.json(retry)["duplicate"] as? Bool == true)
            let acked = try await client.execute(uri: "/webhooks/slack", method: .post, headers: try Self.slackHeaders(ack), body: ByteBuffer(bytes: ack))
            #expect(try ServerTests.json(acked)["kind"] as? String == "message.ack")

            let unknown = try await client.execute(uri: "/webhooks/slack", method: .post, headers: try Self.slackHeaders(stranger), body: ByteBuffer(bytes: stranger))
            #expect(unknown.status == .unprocessableContent)
            #expect(try ServerTests.error(unknown)["field"] as? String == "payload.user.id")

            let forged = try await client.execute(uri: "/webhooks/slack", method: .post, headers: try Self.slackHeaders(Array("payload=x".utf8)), body: ByteBuffer(bytes: answer))
            #expect(forged.status == .unauthorized)
        }
        let responses = try await database.responses(person: "rep-0042", survey: "vault-3-check")
        #expect(responses.count == 1)
        #expect(responses[0].answers.map(\.choices) == [["a"]])

        _ = try await DirectoryImports(store: database).run(.people, text: "id,name,partner,role,reports_to,chat_handle\nrep-0099,New Rep,bluepeak-managed,rep,pm-007,U0NOBODY\n", format: .csv, source: .cli)
        let rejected = try #require(try await database.inbox(rejectedOnly: true).first)
        #expect(try await ServerTests.pipeline(database).replay(rejected.id).status == .accepted)
        #expect(try await database.responses(person: "rep-0099", survey: nil).count == 1)
    }

    @Test func aClickWithoutAMessageDecayValueIsKeptLikeEvery422() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await EventWebhookTests.seedDirectory(database)
        let foreign = Self.slackBody(value: "approve-expense-17", actionTS: "1763632700.000300")
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/webhooks/slack", method: .post, headers: try Self.slackHeaders(foreign), body: ByteBuffer(bytes: foreign))
            #expect(response.status == .unprocessableContent)
            #expect(try ServerTests.error(response)["field"] as? String == "payload.actions")
        }
        let kept = try #require(try await database.inboundOutcome(source: "slack", externalID: "slack:U0MAYA:1763632700.000300"))
        #expect(kept.status == .rejected)
        #expect(kept.error?.field == "payload.actions")
        #expect(try await database.inbox(rejectedOnly: true).count == 1)
    }

    @Test func typeformResponsesMapHiddenFieldsAndRefs() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await EventWebhookTests.seedDirectory(database)
        let body = Array("""
            {"event_id":"01HX","event_type":"form_response","form_response":{"form_id":"lT4Z3j","token":"a3a12ec67a1365927098a606107fac15",
             "submitted_at":"2026-11-20T10:15:00Z","landed_at":"2026-11-20T10:14:00Z",
             "hidden":{"survey":"vault-3-check","person":"rep-0043"},
             "definition":{"id":"lT4Z3j","title":"Vault 3","fields":[]},
             "answers":[
               {"type":"choice","choice":{"label":"Retail small businesses and shops"},"field":{"id":"f1","type":"multiple_choice","ref":"q1"}},
               {"type":"text","text":"Immutable backups for clinics","field":{"id":"f5","type":"long_text","ref":"q5"}},
               {"type":"number","number":6,"field":{"id":"f6","type":"opinion_scale","ref":"q6"}}]}}
            """.utf8)
        let signer = try TypeformSignature(secret: ServerTests.typeformSecret)
        let headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("Typeform-Signature")!: signer.sign(body: body)]
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/webhooks/typeform", method: .post, headers: headers, body: ByteBuffer(bytes: body))
            #expect(response.status == .ok)
            #expect(try ServerTests.json(response)["graded"] as? Int == 1)
            #expect(try ServerTests.json(response)["correct"] as? Int == 0)
            let unsigned = try await client.execute(uri: "/webhooks/typeform", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
            #expect(unsigned.status == .unauthorized)

            let partialText = String(decoding: body, as: UTF8.self)
                .replacingOccurrences(of: #""event_type":"form_response""#, with: #""event_type":"form_response_partial""#)
                .replacingOccurrences(of: "a3a12ec67a1365927098a606107fac15", with: "partial-token-0001")
            let partial = Array(partialText.utf8)
            let partialHeaders: HTTPFields = [.contentType: "application/json", HTTPField.Name("Typeform-Signature")!: signer.sign(body: partial)]
            let ignored = try await client.execute(uri: "/webhooks/typeform", method: .post, headers: partialHeaders, body: ByteBuffer(bytes: partial))
            #expect(ignored.status == .ok, "partial responses are acknowledged, not refused")
        }
        #expect(try await database.inboundOutcome(source: "typeform", externalID: "partial-token-0001") == nil, "and not stored")
        let stored = try #require(try await database.responses(person: "rep-0043", survey: "vault-3-check").first)
        #expect(stored.answers.first { $0.question == "q1" }?.choices == ["b"])
        #expect(stored.answers.first { $0.question == "q6" }?.number == 6)
    }

    @Test func unconfiguredSourcesAnswer503() async throws {
        let database = try await TestDatabaseFile.open()
        let catalog = ContentCatalog()
        let secrets = InboundSecrets(standardWebhooks: nil, slack: nil, typeform: nil, links: try SurveyTokenSigner(secret: Array(repeating: 1, count: 32)))
        let settings = ServerSettings(host: "127.0.0.1", port: 0, adminToken: ServerTests.token, secrets: secrets)
        let app = buildApplication(settings: settings, database: database, catalog: catalog, logger: .init(label: "test"))
        try await app.test(.router) { client in
            for path in ["/webhooks/events", "/webhooks/slack", "/webhooks/typeform"] {
                let response = try await client.execute(uri: path, method: .post, body: ByteBuffer(string: "{}"))
                #expect(response.status == .serviceUnavailable, "\(path)")
                #expect(try ServerTests.error(response)["code"] as? String == "not_configured")
            }
        }
    }
}

enum TestDatabaseFile {
    static func open() async throws -> AppDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decay-server-\(UUID().uuidString)")
        return try await AppDatabase.open(path: directory.appendingPathComponent("decay.sqlite").path)
    }
}
