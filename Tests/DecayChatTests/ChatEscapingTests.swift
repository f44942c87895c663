import DecayCore
import DecayChat
import Foundation
import Testing

/// Hostile content must stay text: no HTML in Matrix or Google Chat, no mentions or links in Slack and Discord.
struct ChatEscapingTests {
    @Test func slackEscapesControlCharacters() throws {
        let json = try ChatFixtures.json(SlackRenderer.render(ChatFixtures.hostile()))
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let sections = blocks.filter { $0["type"] as? String == "section" }.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(sections[0].contains("Hello &lt;!channel&gt; &amp; &lt;@\u{200B}U123&gt; &lt;script&gt;"))
        #expect(sections[1].contains("Tom &amp; Jerry &lt;img"))
        #expect(sections[1].contains("&lt;!here&gt;"))
        for section in sections {
            #expect(!section.contains("<"))
            #expect(!section.contains(">"))
        }
    }

    @Test func matrixEscapesHTML() throws {
        let json = try ChatFixtures.json(MatrixRenderer.render(ChatFixtures.hostile(), transactionID: "t"))
        let html = try #require(json["formatted_body"] as? String)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<h3>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt;</h3>"))
        #expect(html.contains("Tom &amp; Jerry &lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("href=\"https://decay.example/s?a=1&amp;b=&quot;&lt;x&gt;&quot;\""))
        let body = try #require(json["body"] as? String)
        #expect(body.contains("<script>alert('x')</script>"))
    }

    @Test func googleChatEscapesHTML() throws {
        let json = try ChatFixtures.json(GoogleChatRenderer.render(ChatFixtures.hostile()))
        let card = try #require((json["cardsV2"] as? [[String: Any]])?.first?["card"] as? [String: Any])
        let sections = try #require(card["sections"] as? [[String: Any]])
        let paragraphs = sections.compactMap { (($0["widgets"] as? [[String: Any]])?.first?["textParagraph"] as? [String: Any])?["text"] as? String }
        #expect(paragraphs.count == 2)
        for paragraph in paragraphs {
            #expect(!paragraph.contains("<script"))
            #expect(!paragraph.contains("<img"))
        }
        #expect(paragraphs[0].contains("<b>bold &lt;b&gt;</b>"))
    }

    @Test func discordDisablesMentions() throws {
        let json = try ChatFixtures.json(DiscordRenderer.render(ChatFixtures.hostile()))
        let allowed = try #require(json["allowed_mentions"] as? [String: Any])
        #expect((allowed["parse"] as? [Any])?.isEmpty == true)
    }

    @Test func teamsKeepsContentAsTextInJSON() throws {
        let json = try ChatFixtures.json(TeamsRenderer.render(ChatFixtures.hostile()))
        let card = try #require((json["attachments"] as? [[String: Any]])?.first?["content"] as? [String: Any])
        let texts = (card["body"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts[1].contains("<script>alert('x')</script>"))
    }
}
