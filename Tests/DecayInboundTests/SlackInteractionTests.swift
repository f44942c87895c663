import DecayCore
import Foundation
import Testing

@testable import DecayInbound

@Suite("SlackInteraction")
struct SlackInteractionTests {
    /// A `block_actions` payload shaped like Slack's reference example, clicked on a broadcast's answer button.
    static func payload(type: String = "block_actions", user: String = #"{"id": "U0CA5", "username": "amy.mcgee", "name": "amy.mcgee", "team_id": "T3MDE"}"#,
                        actions: String? = nil) -> String {
        let actions = actions ?? #"""
            [{"action_id": "answer-q1", "block_id": "vault-3-check.q1", "text": {"type": "plain_text", "text": "Mid-market healthcare", "emoji": true},
              "value": "ans1:vault-3-check:q1:a", "type": "button", "action_ts": "1548426417.840180"}]
            """#
        return #"""
            {"type": "\#(type)", "team": {"id": "T3MDE", "domain": "acme-partners"}, "user": \#(user),
             "api_app_id": "AABA1ABCD", "token": "9s8d9as89d8as9d8as989",
             "container": {"type": "message", "message_ts": "1548426416.000800", "channel_id": "C12AB3DE4", "is_ephemeral": false},
             "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
             "channel": {"id": "C12AB3DE4", "name": "partner-updates"},
             "message": {"type": "message", "text": "Vault 3 launch: quick check", "ts": "1548426416.000800"},
             "response_url": "https://hooks.slack.com/actions/T3MDE/548426417/3ZmVnlR4v2rIy8qOqqRy1Ueu",
             "actions": \#(actions)}
            """#
    }

    /// The form body Slack posts: one `payload` field, URL-encoded with `+` for spaces.
    static func form(_ json: String, extra: String = "") -> [UInt8] {
        var allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~ "))
        allowed.remove(charactersIn: "+")
        let encoded = json.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: " ", with: "+")
        return Array("\(extra)payload=\(encoded)".utf8)
    }

    static func interaction(_ body: [UInt8]) throws -> SlackInteraction {
        guard case .actions(let interaction) = try SlackInteraction.parse(formBody: body) else {
            Issue.record("expected actions")
            throw InboundError(.malformed, "ignored")
        }
        return interaction
    }

    @Test func answerButtonIsParsed() throws {
        let interaction = try Self.interaction(Self.form(Self.payload()))
        #expect(interaction.userID == "U0CA5")
        #expect(interaction.userName == "amy.mcgee")
        #expect(interaction.teamID == "T3MDE")
        #expect(interaction.responseURL == "https://hooks.slack.com/actions/T3MDE/548426417/3ZmVnlR4v2rIy8qOqqRy1Ueu")
        #expect(interaction.actions == [
            SlackAction(value: .answer(survey: "vault-3-check", question: "q1", option: "a", person: nil), actionTS: "1548426417.840180", actionID: "answer-q1"),
        ])
        #expect(interaction.idempotencyKey == "slack:U0CA5:1548426417.840180")
        #expect(interaction.actions[0].date == Date(timeIntervalSince1970: 1548426417.840180))
    }

    @Test func buttonValuesRoundTrip() throws {
        let values: [ButtonValue] = [
            .answer(survey: "vault-3-check", question: "q1", option: "a", person: nil),
            .answer(survey: "vault-3-check", question: "q2", option: "yes", person: "rep-0042"),
            .ack(message: "vault-3-launch", person: nil),
            .ack(message: "vault-3-launch", person: "rep-0042"),
        ]
        let actions = values.enumerated().map { index, value in
            #"{"action_id": "b\#(index)", "block_id": "x", "value": "\#(value.encoded)", "type": "button", "action_ts": "1548426417.84018\#(index)"}"#
        }
        let interaction = try Self.interaction(Self.form(Self.payload(actions: "[\(actions.joined(separator: ","))]")))
        #expect(interaction.actions.map(\.value) == values)
        #expect(interaction.actions.map(\.actionID) == ["b0", "b1", "b2", "b3"])
        #expect(interaction.idempotencyKey == "slack:U0CA5:1548426417.840180")
    }

    @Test func formDecodingHandlesPlusAndEscapesAndOtherFields() throws {
        let payload = Self.payload(user: #"{"id": "U0CA5", "name": "Amy McGee + Co", "team_id": "T3MDE"}"#)
        let interaction = try Self.interaction(Self.form(payload, extra: "token=legacy&"))
        #expect(interaction.userName == "Amy McGee + Co")
    }

    @Test func foreignButtonValuesAreSkipped() throws {
        let actions = #"""
            [{"action_id": "approve", "block_id": "b", "value": "approve_request_42", "type": "button", "action_ts": "1.1"},
             {"action_id": "menu", "block_id": "b", "type": "static_select", "action_ts": "1.2", "selected_option": {"value": "x"}},
             {"action_id": "ack", "block_id": "b", "value": "ack1:vault-3-launch", "type": "button", "action_ts": "1.3"}]
            """#
        let interaction = try Self.interaction(Self.form(Self.payload(actions: actions)))
        #expect(interaction.actions == [SlackAction(value: .ack(message: "vault-3-launch", person: nil), actionTS: "1.3", actionID: "ack")])
        #expect(interaction.idempotencyKey == "slack:U0CA5:1.3")
    }

    @Test func aClickWithoutAMessageDecayValueParsesWithNoActionsAndKeepsItsKey() throws {
        let actions = #"[{"action_id": "approve", "block_id": "b", "value": "ans2:vault-3-check:q1:a", "type": "button", "action_ts": "1.1"}]"#
        guard case .actions(let interaction) = try SlackInteraction.parse(formBody: Self.form(Self.payload(actions: actions))) else {
            Issue.record("expected a click to record")
            return
        }
        #expect(interaction.actions.isEmpty)
        #expect(interaction.idempotencyKey == "slack:U0CA5:1.1")
        #expect(throws: InboundError(.malformed, "expected at least one action", field: "payload.actions")) {
            try SlackInteraction.parse(formBody: Self.form(Self.payload(actions: "[]")))
        }
    }

    @Test func otherInteractionTypesAndLinkButtonsAreIgnored() throws {
        let submission = #"{"type": "view_submission", "user": {"id": "U0CA5"}, "view": {"id": "V123"}}"#
        #expect(try SlackInteraction.parse(formBody: Self.form(submission)) == .ignored(reason: "interaction type 'view_submission' is not handled"))
        let shortcut = #"{"type": "shortcut", "callback_id": "open", "trigger_id": "1.2.3", "user": {"id": "U0CA5"}}"#
        #expect(try SlackInteraction.parse(formBody: Self.form(shortcut)) == .ignored(reason: "interaction type 'shortcut' is not handled"))
        let link = #"[{"action_id": "survey-link", "block_id": "b", "type": "button", "url": "https://decay.example/s/abc", "action_ts": "1.1"}]"#
        #expect(try SlackInteraction.parse(formBody: Self.form(Self.payload(actions: link))) == .ignored(reason: "only link buttons were clicked"))
    }

    @Test func everyErrorNamesItsField() {
        let cases: [(body: [UInt8], field: String)] = [
            (Array("token=abc".utf8), "payload"),
            (Self.form("{not json"), "payload"),
            (Self.form(#"["block_actions"]"#), "payload"),
            (Self.form(#"{"user": {"id": "U0CA5"}}"#), "payload.type"),
            (Self.form(#"{"type": 7}"#), "payload.type"),
            (Self.form(#"{"type": "block_actions", "actions": []}"#), "payload.user"),
            (Self.form(Self.payload(user: #"{"username": "amy.mcgee"}"#)), "payload.user.id"),
            (Self.form(Self.payload(user: #"{"id": ""}"#)), "payload.user.id"),
            (Self.form(Self.payload(actions: #"{"value": "ack1:m"}"#)), "payload.actions"),
            (Self.form(Self.payload(actions: #"["ack1:m"]"#)), "payload.actions[0]"),
            (Self.form(Self.payload(actions: #"[{"action_id": "a", "value": "ack1:m"}]"#)), "payload.actions[0].action_ts"),
            (Self.form(Self.payload(actions: #"[{"action_ts": "1.1", "value": "ack1:m"}, {"value": "ack1:m", "action_ts": "1.2"}]"#)), "payload.actions[0].action_id"),
        ]
        for (body, field) in cases {
            #expect {
                try SlackInteraction.parse(formBody: body)
            } throws: { error in
                (error as? InboundError)?.field == field && (error as? InboundError)?.kind == .malformed
            }
        }
    }
}
