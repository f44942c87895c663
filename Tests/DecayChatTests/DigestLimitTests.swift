import DecayChat
import DecayCore
import Foundation
import Testing

/// A 200-partner digest with long names must fit every platform limit, and every cut list must keep whole items
/// and count the rest honestly: shown + "…and N more" = all.
struct DigestLimitTests {
    static let digest = DigestChatFixtures.huge()

    static func render(_ format: ChatFormat) throws -> [String: Any] {
        try ChatFixtures.json(ChatRenderer.render(self.digest, as: format, transactionID: "digest-cm-1-2026-W47"))
    }

    /// The text between two section titles.
    static func section(_ text: String, from start: String, to end: String) -> Substring {
        guard let lower = text.range(of: start)?.upperBound else { return "" }
        let upper = text.range(of: end, range: lower..<text.endIndex)?.lowerBound ?? text.endIndex
        return text[lower..<upper]
    }

    static func matches(_ pattern: String, in text: Substring) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let string = String(text)
        return regex.matches(in: string, range: NSRange(string.startIndex..., in: string)).map { match in
            let range = Range(match.range(at: match.numberOfRanges > 1 ? 1 : 0), in: string)!
            return String(string[range])
        }
    }

    /// Pulse moves, partners, quiet partners and quiet-rep teams: whole items shown plus the "more" count make 200 each, and the
    /// partners list was cut (it cannot fit anywhere).
    static func checkWholeItems(_ text: String, _ format: ChatFormat) {
        let lists = [
            ("Pulse", "Partners by category", "Pulse #\\d{3}", "pulse moves"),
            ("Partners by category", "Quiet partners", "Partner #\\d{3}", "partners"),
            ("Quiet partners", "Quiet reps", "Quiet #\\d{3}", "partners"),
            ("Quiet reps", "Scorecard", "Team #\\d{3}", "partners with quiet reps"),
        ]
        for (title, next, marker, noun) in lists {
            let section = Self.section(text, from: title, to: next)
            let shown = Set(Self.matches(marker, in: section)).count
            let more = Self.matches("…and (\\d+) more \(noun) in the dashboard", in: section).compactMap(Int.init)
            #expect(more.count == 1, "\(format) \(title): one more-line")
            #expect(shown + (more.first ?? 0) == 200, "\(format) \(title): \(shown) shown + \(more) more")
            if title == "Partners by category" {
                #expect(Self.matches(#"Top reps \(90 days\):"#, in: section).count == shown, "\(format): every shown partner has its detail line")
            }
        }
        #expect(Self.matches("Message \\d+:", in: Self.section(text, from: "Messages", to: "Re-checks")).count > 0)
    }

    @Test func slack() throws {
        let json = try Self.render(.slack)
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.count <= 50)
        var texts: [String] = []
        for block in blocks {
            let text = block["text"] as? [String: Any]
            switch block["type"] as? String {
            case "header":
                #expect(ChatFixtures.length(text?["text"]) <= 150)
                #expect(text?["type"] as? String == "plain_text")
            case "context":
                let elements = try #require(block["elements"] as? [[String: Any]])
                #expect(elements.count <= 10)
                #expect(elements.allSatisfy { ChatFixtures.length($0["text"]) <= 3000 })
            case "section":
                let value = try #require(text?["text"] as? String)
                #expect(value.utf16.count <= 3000)
                texts.append(value)
            case "divider":
                break
            case "actions":
                let elements = try #require(block["elements"] as? [[String: Any]])
                #expect(elements.count == 1 && (elements[0]["url"] as? String)?.hasPrefix("https://decay.example.com/login/link?") == true, "the dashboard link")
            default:
                Issue.record("unexpected block \(block)")
            }
        }
        #expect(ChatFixtures.length(json["text"]) <= 3000)
        Self.checkWholeItems(texts.joined(separator: "\n"), .slack)
    }

    @Test func teams() throws {
        let payload = ChatRenderer.render(Self.digest, as: .teams, transactionID: "t")
        #expect(payload.body.count <= 28_000)
        #expect(payload.body.count > 20_000, "the budget is used, not wasted")
        let json = try ChatFixtures.json(payload)
        #expect(json["type"] as? String == "message")
        let attachment = try #require((json["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        let texts = (card["body"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        Self.checkWholeItems(texts.joined(separator: "\n"), .teams)
    }

    @Test func discord() throws {
        let json = try Self.render(.discord)
        #expect(ChatFixtures.length(json["content"]) <= 2000)
        let embeds = try #require(json["embeds"] as? [[String: Any]])
        #expect(embeds.count <= 10)
        var total = 0
        var texts: [String] = []
        for embed in embeds {
            #expect(ChatFixtures.length(embed["title"]) <= 256)
            #expect(ChatFixtures.length(embed["description"]) <= 4096)
            #expect(Set(embed.keys).isSubset(of: ["title", "description"]), "no fields, footer or author to count")
            total += ChatFixtures.length(embed["title"]) + ChatFixtures.length(embed["description"])
            texts.append((embed["title"] as? String ?? "") + "\n" + (embed["description"] as? String ?? ""))
        }
        #expect(total <= 6000)
        #expect(total > 4500, "the budget is used (three quarters at least), not wasted")
        #expect((json["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        Self.checkWholeItems(texts.joined(separator: "\n"), .discord)
    }

    @Test func mattermost() throws {
        let text = try #require(try Self.render(.mattermost)["text"] as? String)
        #expect(text.utf16.count <= 16_383)
        #expect(text.utf16.count > 14_000, "the budget is used, not wasted")
        Self.checkWholeItems(text, .mattermost)
    }

    @Test func googleChat() throws {
        let payload = ChatRenderer.render(Self.digest, as: .googlechat, transactionID: "t")
        #expect(payload.body.count <= 32_000)
        #expect(payload.body.count > 25_000, "the budget is used, not wasted")
        let json = try ChatFixtures.json(payload)
        let card = try #require((json["cardsV2"] as? [[String: Any]])?.first?["card"] as? [String: Any])
        let header = try #require(card["header"] as? [String: Any])
        #expect(ChatFixtures.length(header["title"]) <= 200)
        let sections = try #require(card["sections"] as? [[String: Any]])
        let widgets = sections.flatMap { $0["widgets"] as? [[String: Any]] ?? [] }
        #expect(widgets.count <= 100)
        let texts = sections.map { section in
            (section["header"] as? String ?? "") + "\n"
                + (section["widgets"] as? [[String: Any]] ?? []).compactMap { ($0["textParagraph"] as? [String: Any])?["text"] as? String }.joined()
        }
        Self.checkWholeItems(texts.joined(separator: "\n"), .googlechat)
    }

    @Test func matrix() throws {
        let payload = ChatRenderer.render(Self.digest, as: .matrix, transactionID: "digest-cm-1-2026-W47")
        #expect(payload.body.count <= 60_000)
        #expect(payload.method == .put)
        #expect(payload.pathSuffix == "send/m.room.message/digest-cm-1-2026-W47")
        let json = try ChatFixtures.json(payload)
        #expect(json["msgtype"] as? String == "m.text")
        #expect(json["format"] as? String == "org.matrix.custom.html")
        let body = try #require(json["body"] as? String)
        let html = try #require(json["formatted_body"] as? String)
        Self.checkWholeItems(body, .matrix)
        Self.checkWholeItems(html, .matrix)
        #expect(html.components(separatedBy: "<li>").count == html.components(separatedBy: "</li>").count)
    }

    /// The generic webhook carries the whole digest, uncut, and reads back as the same value.
    @Test func webhookCarriesTheWholeDigest() throws {
        let payload = ChatRenderer.render(Self.digest, as: .webhook, transactionID: "t")
        let json = try ChatFixtures.json(payload)
        #expect(json["type"] as? String == "digest.weekly")
        struct Body: Decodable { var digest: Digest }
        let decoded = try JSONStyle.decoder.decode(Body.self, from: payload.body).digest
        #expect(decoded.partners.count == 200)
        #expect(decoded.partners == Self.digest.partners)
    }

    @Test(arguments: ChatFormat.allCases)
    func aSmallDigestIsNotCut(format: ChatFormat) {
        let payload = ChatRenderer.render(DigestChatFixtures.small(), as: format, transactionID: "t")
        #expect(!String(decoding: payload.body, as: UTF8.self).contains("in the dashboard"))
    }
}
