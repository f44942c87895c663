import DecayCore
import DecayChat
import Foundation
import Testing

/// A 200 KB body with 200 key points must fit every platform limit and say "More in the dashboard".
struct ChatLimitTests {
    static let notice = "More in the dashboard"

    @Test func slack() throws {
        let json = try ChatFixtures.json(SlackRenderer.render(ChatFixtures.huge()))
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.count <= 50)
        var sawNotice = false
        for block in blocks {
            let text = block["text"] as? [String: Any]
            switch block["type"] as? String {
            case "header":
                #expect(ChatFixtures.length(text?["text"]) <= 150)
            case "section":
                let value = try #require(text?["text"] as? String)
                #expect(value.utf16.count <= 3000)
                sawNotice = sawNotice || value.hasSuffix(Self.notice)
            case "actions":
                let elements = try #require(block["elements"] as? [[String: Any]])
                #expect(elements.count <= 25)
                for element in elements {
                    #expect(ChatFixtures.length((element["text"] as? [String: Any])?["text"]) <= 75)
                    #expect(ChatFixtures.length(element["value"]) <= 2000)
                }
            default:
                break
            }
        }
        #expect(sawNotice)
    }

    @Test func teams() throws {
        let payload = TeamsRenderer.render(ChatFixtures.huge())
        #expect(payload.body.count <= 28_000)
        #expect(payload.body.count > 20_000)
        let json = try ChatFixtures.json(payload)
        let attachment = try #require((json["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["version"] as? String == "1.4")
        let texts = (card["body"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.hasSuffix(Self.notice) })
    }

    @Test func discord() throws {
        let json = try ChatFixtures.json(DiscordRenderer.render(ChatFixtures.huge()))
        #expect(ChatFixtures.length(json["content"]) <= 2000)
        let embeds = try #require(json["embeds"] as? [[String: Any]])
        #expect(embeds.count <= 10)
        var total = 0
        for embed in embeds {
            #expect(ChatFixtures.length(embed["title"]) <= 256)
            #expect(ChatFixtures.length(embed["description"]) <= 4096)
            #expect((embed["description"] as? String)?.hasSuffix(Self.notice) == true)
            let fields = embed["fields"] as? [[String: Any]] ?? []
            #expect(fields.count <= 25)
            #expect(fields.last?["value"] as? String == Self.notice)
            for field in fields {
                #expect(ChatFixtures.length(field["name"]) <= 256)
                #expect(ChatFixtures.length(field["value"]) <= 1024)
                total += ChatFixtures.length(field["name"]) + ChatFixtures.length(field["value"])
            }
            total += ChatFixtures.length(embed["title"]) + ChatFixtures.length(embed["description"])
            total += ChatFixtures.length((embed["footer"] as? [String: Any])?["text"])
        }
        #expect(total <= 6000)
    }

    @Test func mattermost() throws {
        let json = try ChatFixtures.json(MattermostRenderer.render(ChatFixtures.huge()))
        let text = try #require(json["text"] as? String)
        #expect(text.utf16.count <= 16_383)
        #expect(text.contains(Self.notice))
    }

    @Test func googleChat() throws {
        let payload = GoogleChatRenderer.render(ChatFixtures.huge())
        #expect(payload.body.count <= 32_000)
        #expect(String(decoding: payload.body, as: UTF8.self).contains(Self.notice))
        let json = try ChatFixtures.json(payload)
        let card = try #require((json["cardsV2"] as? [[String: Any]])?.first?["card"] as? [String: Any])
        let sections = try #require(card["sections"] as? [[String: Any]])
        let widgets = sections.reduce(0) { $0 + (($1["widgets"] as? [Any])?.count ?? 0) }
        #expect(widgets <= 100)
    }

    @Test func matrix() throws {
        let payload = MatrixRenderer.render(ChatFixtures.huge(), transactionID: "t1")
        #expect(payload.body.count <= 60_000)
        let json = try ChatFixtures.json(payload)
        #expect((json["body"] as? String)?.contains(Self.notice) == true)
        #expect((json["formatted_body"] as? String)?.contains("<p>" + Self.notice + "</p>") == true)
    }

    @Test(arguments: ChatFormat.allCases)
    func shortMessagesAreNotCut(format: ChatFormat) throws {
        let payload = ChatRenderer.render(try ChatFixtures.vaultLaunch(), as: format, transactionID: "t")
        #expect(!String(decoding: payload.body, as: UTF8.self).contains(Self.notice))
    }
}
