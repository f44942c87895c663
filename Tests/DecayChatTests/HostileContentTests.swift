import DecayChat
import DecayCore
import Foundation
import Testing

/// Names and message text that try to notify a whole channel or hide a link, in one broadcast and one digest per
/// format: nothing that the platform would turn into a mention or a link may survive rendering.
struct HostileContentTests {
    /// Every channel-wide mention and link syntax the seven formats know, a backslash-escaped one, and a bidi override.
    static let tokens = [
        "@room", "@here", "@channel", "@everyone", "@all", "<!channel>", "<!here|x>", "<https://x.example|click>", "<users/all>",
        "<at>Jane</at>", "\\<!channel\\>", "<@U123>", "[click](https://x.example)", "\u{202E}gnp.exe",
    ]
    static let hostile = tokens.joined(separator: " ")

    static func broadcast() -> ChatBroadcast {
        ChatBroadcast(
            messageID: "hostile", version: 1, title: Self.hostile, body: "Hello " + Self.hostile + "\n\n- **" + Self.hostile + "** point",
            keyPoints: [Self.hostile], acknowledgeValue: ButtonValue.ack(message: "hostile", person: nil).encoded,
            surveyURL: "https://decay.example/s/p/token")
    }

    /// The tokens in names of at most 60 characters, the longest a digest shows whole.
    static let names: [String] = tokens.reduce(into: [""]) { names, token in
        if names[names.count - 1].count + 1 + token.count > 60 { names.append("") }
        names[names.count - 1] += (names[names.count - 1].isEmpty ? "" : " ") + token
    }

    /// The small digest with the manager, partners, a quiet partner and quiet reps named with the tokens.
    static func digest() -> Digest {
        var digest = DigestChatFixtures.small()
        let name = { (index: Int) in Self.names[index % Self.names.count] }
        digest.manager.name = name(0)
        digest.partners[0].name = name(1)
        digest.partners[1].name = name(2)
        digest.quietPartners[0].name = name(0)
        digest.quietReps[0].name = name(1)
        digest.quietReps[1].name = name(2)
        return digest
    }

    /// Both payloads of a format, as parsed JSON.
    static func payloads(_ format: ChatFormat) throws -> [[String: Any]] {
        [
            try ChatFixtures.json(ChatRenderer.render(Self.broadcast(), as: format, transactionID: "t")),
            try ChatFixtures.json(ChatRenderer.render(Self.digest(), as: format, transactionID: "t")),
        ]
    }

    /// Every string in a JSON value with its key, depth first.
    static func strings(_ value: Any, key: String = "") -> [(key: String, text: String)] {
        switch value {
        case let text as String: return [(key, text)]
        case let object as [String: Any]: return object.sorted { $0.key < $1.key }.flatMap { self.strings($0.value, key: $0.key) }
        case let array as [Any]: return array.flatMap { self.strings($0, key: key) }
        default: return []
        }
    }

    /// The texts a platform reads as markup: every string but URLs, ids, types and button values.
    static func texts(_ payload: [String: Any]) -> [String] {
        let data: Set<String> = ["url", "cardId", "type", "value", "action_id", "msgtype", "format", "$schema", "contentType", "style",
            "messagedecay_message", "messagedecay_digest", "messagedecay_week", "size", "weight", "width"]
        return self.strings(payload).filter { !data.contains($0.key) }.map(\.text)
    }

    /// `@room`, `@here`, `@channel`, `@everyone` or `@all` as a word, the way Mattermost, Matrix and Slack match them.
    static func hasBroadcastMention(_ text: String) -> Bool {
        text.range(of: #"@(room|here|channel|everyone|all)\b"#, options: .regularExpression) != nil
    }

    /// What every markup format must hold: the hostile text arrived, without bidi overrides or a raw `<!`, `<@`,
    /// `<users/`, `<at>` or `<https:` (Slack, Mattermost and Google Chat syntax).
    static func expectCommon(_ texts: [String], format: ChatFormat, angleBrackets: Bool) {
        #expect(Self.names.count == 3)
        for word in ["room", "everyone", "x.example", "users/all", "Jane", "U123", "gnp.exe"] {
            #expect(texts.contains { $0.contains(word) }, "\(format): the hostile text is missing \(word)")
        }
        for text in texts {
            #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                "\(format): bidi control in \(text.prefix(80))")
            if angleBrackets {
                for syntax in ["<!", "<@", "<users/", "<at>", "<https:"] {
                    #expect(!text.contains(syntax), "\(format): \(syntax) survives in \(text.prefix(120))")
                }
            }
        }
    }

    @Test func slack() throws {
        for payload in try Self.payloads(.slack) {
            let blocks = try #require(payload["blocks"] as? [[String: Any]])
            let objects = blocks.flatMap { block in
                ([block["text"]] + ((block["elements"] as? [Any]) ?? [])).compactMap { $0 as? [String: Any] }
            }
            let mrkdwn = objects.filter { $0["type"] as? String == "mrkdwn" }
            let texts = [payload["text"] as? String ?? ""] + mrkdwn.compactMap { $0["text"] as? String }
            Self.expectCommon(texts, format: .slack, angleBrackets: true)
            #expect(!mrkdwn.isEmpty)
            #expect(mrkdwn.allSatisfy { $0["verbatim"] as? Bool == true }, "slack: mrkdwn without verbatim is parsed for mentions")
            let plain = objects.filter { $0["type"] as? String == "plain_text" }.compactMap { $0["text"] as? String }
            #expect(!(texts + plain).contains(where: Self.hasBroadcastMention), "slack: @-mention survives")
        }
    }

    @Test func mattermost() throws {
        for payload in try Self.payloads(.mattermost) {
            let text = try #require(payload["text"] as? String)
            Self.expectCommon([text], format: .mattermost, angleBrackets: true)
            #expect(!text.contains("<"), "mattermost turns <…> into mentions and links before Markdown")
            #expect(!Self.hasBroadcastMention(text))
            #expect(!text.contains("[click]("), "a Markdown link survives")
            #expect(text.contains("&lt;!channel&gt;"), "the text is shown, not dropped")
        }
    }

    @Test func matrix() throws {
        for payload in try Self.payloads(.matrix) {
            #expect((payload["m.mentions"] as? [String: Any])?.isEmpty == true, "matrix: m.mentions must be present and empty")
            let body = try #require(payload["body"] as? String)
            let html = try #require(payload["formatted_body"] as? String)
            Self.expectCommon([body, html], format: .matrix, angleBrackets: false)
            #expect(!Self.hasBroadcastMention(body))
            #expect(!Self.hasBroadcastMention(html))
            #expect(!html.contains("<at>") && !html.contains("<users/") && !html.contains("<https:"))
            #expect(html.components(separatedBy: "<a ").count - 1 <= 1, "only our survey link is an anchor")
            #expect(!html.contains("href=\"https://x.example"))
        }
    }

    @Test func googleChat() throws {
        for payload in try Self.payloads(.googlechat) {
            let texts = Self.texts(payload)
            Self.expectCommon(texts, format: .googlechat, angleBrackets: true)
            let card = try #require((payload["cardsV2"] as? [[String: Any]])?.first?["card"] as? [String: Any])
            let header = try #require(card["header"] as? [String: String])
            #expect(!(header["subtitle"] ?? "").contains("<"), "the header subtitle carries names")
            #expect(!(header["title"] ?? "").contains("<"))
            #expect(!texts.contains { $0.contains("<a ") || $0.contains("href") })
        }
    }

    @Test func discord() throws {
        for payload in try Self.payloads(.discord) {
            #expect((payload["allowed_mentions"] as? [String: Any])?["parse"] as? [Any] != nil)
            #expect(((payload["allowed_mentions"] as? [String: Any])?["parse"] as? [Any])?.isEmpty == true, "discord: every mention is switched off")
            let texts = Self.texts(payload)
            Self.expectCommon(texts, format: .discord, angleBrackets: false)
            #expect(!texts.contains { $0.contains("[click](") }, "discord renders masked links in content and embeds")
        }
    }

    @Test func teams() throws {
        for payload in try Self.payloads(.teams) {
            let texts = Self.texts(payload)
            Self.expectCommon(texts, format: .teams, angleBrackets: false)
            let card = try #require((payload["attachments"] as? [[String: Any]])?.first?["content"] as? [String: Any])
            #expect((card["msteams"] as? [String: Any])?["entities"] == nil, "teams mentions need entities; we send none")
            #expect(!texts.contains { $0.contains("[click](") }, "teams TextBlocks render Markdown links")
        }
    }

    /// The generic webhook is data for the receiver to lay out: it carries the text exactly (bidi controls aside)
    /// and no markup of ours, so nothing in it is a mention until the receiver makes one.
    @Test func webhook() throws {
        let broadcast = try ChatFixtures.json(ChatRenderer.render(Self.broadcast(), as: .webhook, transactionID: "t"))
        let message = try #require(broadcast["message"] as? [String: Any])
        let clean = Self.hostile.replacingOccurrences(of: "\u{202E}", with: "")
        #expect(message["title"] as? String == clean)
        #expect(message["key_points"] as? [String] == [clean])
        let digest = try ChatFixtures.json(ChatRenderer.render(Self.digest(), as: .webhook, transactionID: "t"))
        #expect(((digest["digest"] as? [String: Any])?["manager"] as? [String: Any])?["name"] as? String == Self.names[0])
    }
}
