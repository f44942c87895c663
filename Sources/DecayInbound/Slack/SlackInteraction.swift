import DecayCore
import Foundation

/// A Slack `block_actions` interaction (someone clicked a broadcast button), reduced to what MessageDecay records.
public struct SlackInteraction: Sendable, Equatable {
    /// What a parsed request asks of the server. Slack retries and shows the user an error on any non-2xx answer,
    /// so interactions MessageDecay has no use for are a distinct result the server answers 200 to and drops.
    public enum Outcome: Sendable, Equatable {
        /// Button clicks to record.
        case actions(SlackInteraction)
        /// Nothing to record: another interaction type (`view_submission`, `shortcut`, ...) or only link buttons.
        case ignored(reason: String)
    }

    public var userID: String
    public var userName: String?
    public var teamID: String?
    public var responseURL: String?
    /// Clicks carrying a MessageDecay button value, in payload order. Empty when a button without one was clicked:
    /// that click is still stored and answered 422, like every other event the pipeline cannot use.
    public var actions: [SlackAction]
    /// The click came from an ephemeral message (our own quiz step), which a reply may replace.
    public var isEphemeral = false
    /// The first MessageDecay click's `action_ts`, else the first click's: the same key across Slack's retries.
    public var clickTS: String

    public init(
        userID: String, userName: String? = nil, teamID: String? = nil, responseURL: String? = nil, actions: [SlackAction],
        clickTS: String? = nil
    ) {
        self.userID = userID
        self.userName = userName
        self.teamID = teamID
        self.responseURL = responseURL
        self.actions = actions
        self.clickTS = actions.first?.actionTS ?? clickTS ?? ""
    }

    /// Slack resends the same payload, with the same `action_ts`, when it retries, so user + first click identifies it.
    public var idempotencyKey: String {
        "slack:\(self.userID):\(self.clickTS)"
    }

    /// Parses the `application/x-www-form-urlencoded` body whose `payload` field holds the interaction JSON.
    /// Missing or mistyped fields are a 400 naming the field. A click with no MessageDecay button value parses with no
    /// actions, so the pipeline stores it and answers 422 (`payload.actions`).
    public static func parse(formBody: [UInt8]) throws(InboundError) -> Outcome {
        guard let payload = FormURLEncoded.decode(formBody).first(where: { $0.0 == "payload" })?.1 else {
            throw InboundError(.malformed, "is required", field: "payload")
        }
        let fields = try JSONFields(JSONValue.parse(Array(payload.utf8), field: "payload"), path: "payload")
        let type = try fields.string("type")
        guard type == "block_actions" else { return .ignored(reason: "interaction type '\(type)' is not handled") }

        let user = try fields.object("user")
        let userID = try user.string("id")
        guard case .array(let items) = fields.object["actions"] else {
            throw InboundError(.malformed, "expected an array of actions", field: "payload.actions")
        }
        guard !items.isEmpty else { throw InboundError(.malformed, "expected at least one action", field: "payload.actions") }
        var actions: [SlackAction] = []
        var clickTS: String?
        for (index, item) in items.enumerated() {
            let action = try JSONFields(item, path: "payload.actions[\(index)]")
            let value = action.object["value"]
            if value == nil, action.object["url"] != nil { continue }
            let actionTS = try action.string("action_ts")
            clickTS = clickTS ?? actionTS
            guard case .string(let text) = value, let button = ButtonValue(text) else { continue }
            actions.append(SlackAction(value: button, actionTS: actionTS, actionID: try action.string("action_id")))
        }
        guard let clickTS else { return .ignored(reason: "only link buttons were clicked") }
        let teamID = fields.optionalString("team", "id") ?? user.optionalString("team_id")
        var interaction = SlackInteraction(
            userID: userID, userName: user.optionalString("username") ?? user.optionalString("name"), teamID: teamID,
            responseURL: fields.optionalString("response_url"), actions: actions, clickTS: clickTS
        )
        if case .object(let container) = fields.object["container"], case .bool(true) = container["is_ephemeral"] {
            interaction.isEphemeral = true
        }
        return .actions(interaction)
    }
}

/// One clicked MessageDecay button.
public struct SlackAction: Sendable, Equatable {
    public var value: ButtonValue
    /// Slack's click time, seconds since 1970 with microseconds (`"1548426417.840180"`); stable across retries.
    public var actionTS: String
    public var actionID: String

    public init(value: ButtonValue, actionTS: String, actionID: String) {
        self.value = value
        self.actionTS = actionTS
        self.actionID = actionID
    }

    /// When the click happened, if `action_ts` is the usual epoch-seconds string.
    public var date: Date? {
        Double(self.actionTS).map { Date(timeIntervalSince1970: $0) }
    }
}

extension JSONValue {
    /// Parses JSON embedded in another field; a syntax error is a 400 naming that field.
    static func parse(_ bytes: [UInt8], field: String) throws(InboundError) -> JSONValue {
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw InboundError(.malformed, "is not valid JSON", field: field)
        }
    }
}

extension JSONFields {
    /// A non-empty string at `key` (or `key.inner`), nil when absent or of another type: for fields Slack may omit.
    func optionalString(_ key: String, _ inner: String? = nil) -> String? {
        var value = self.object[key]
        if let inner { value = value?[inner] }
        guard case .string(let text) = value, !text.isEmpty else { return nil }
        return text
    }
}
