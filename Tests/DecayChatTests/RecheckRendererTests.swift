import DecayCore
import Foundation
import Testing

@testable import DecayChat

@Suite("Re-check and reminder posts in every format")
struct RecheckRendererTests {
    static let people = [
        ChatPerson(name: "Ana Lima", handle: "U024BE7LH"),
        ChatPerson(name: "Ben <!channel> Ng", handle: "@ben"),
        ChatPerson(name: "Chen", handle: "<!here>"),
        ChatPerson(name: "Dara", handle: "123456789012345678"),
        ChatPerson(name: "Eve", handle: "@eve:matrix.example.org"),
        ChatPerson(name: "Finn", handle: "users/1234567"),
        ChatPerson(name: "Gus", handle: nil),
    ]

    static func channel(_ kind: ChatRecheck.Kind = .recheck) -> ChatRecheck {
        ChatRecheck(
            kind: kind, messageID: "vault-3-launch", version: 2, title: "Vault 3.0 is for mid-market healthcare", people: Self.people, shared: true,
            questions: ["Who is Vault 3 for?"], surveyURL: "https://decay.example.com/s/p/token")
    }

    static func json(_ payload: ChatPayload) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: payload.body) as? [String: Any])
    }

    @Test func slackMentionsOnlyRealUserIdsAndWritesOtherHandlesAsEscapedNames() throws {
        let text = String(decoding: RecheckRenderer.render(Self.channel(), as: .slack, transactionID: "k").body, as: UTF8.self)
        #expect(text.contains("<@U024BE7LH>"))
        #expect(!text.contains("<!channel>") && !text.contains("<!here>"), "a handle or name can never become a broadcast mention")
        #expect(text.contains("Ben &lt;!channel&gt; Ng") && text.contains("Chen") && text.contains("Gus"))
        #expect(!text.contains("Who is Vault 3 for?"), "a shared post never carries questions, scores or answers")
    }

    @Test func formatsWithMentionListsNameOnlyTheIdsTheyRecognise() throws {
        let discord = try Self.json(RecheckRenderer.render(Self.channel(), as: .discord, transactionID: "k"))
        let allowed = try #require(discord["allowed_mentions"] as? [String: Any])
        #expect(allowed["users"] as? [String] == ["123456789012345678"])
        #expect((allowed["parse"] as? [Any])?.isEmpty == true)
        #expect((discord["content"] as? String)?.contains("<@123456789012345678>") == true)

        let matrix = try Self.json(RecheckRenderer.render(Self.channel(), as: .matrix, transactionID: "recheck-channel:p:2026-12-07"))
        #expect((matrix["m.mentions"] as? [String: Any])?["user_ids"] as? [String] == ["@eve:matrix.example.org"])
        #expect((matrix["formatted_body"] as? String)?.contains("https://matrix.to/#/@eve:matrix.example.org") == true)

        let mattermost = try Self.json(RecheckRenderer.render(Self.channel(), as: .mattermost, transactionID: "k"))
        let text = try #require(mattermost["text"] as? String)
        #expect(text.contains("@ben"))
        #expect(!text.contains("@eve"), "a Matrix id is not a Mattermost username")

        let google = try Self.json(RecheckRenderer.render(Self.channel(), as: .googlechat, transactionID: "k"))
        #expect(google["text"] as? String == "<users/1234567>")
    }

    @Test func everyFormatRendersValidJsonWithTheLinkAndKind() throws {
        for format in ChatFormat.allCases {
            for kind in [ChatRecheck.Kind.recheck, .nudge] {
                let payload = RecheckRenderer.render(Self.channel(kind), as: format, transactionID: "nudge-channel:p:2026-12-07")
                let text = String(decoding: payload.body, as: UTF8.self)
                _ = try Self.json(payload)
                #expect(text.contains("decay.example.com/s/p/token"), "\(format)")
                #expect(text.contains(kind == .recheck ? "re-check" : "Reminder") || text.contains(kind == .recheck ? "recheck" : "reminder"), "\(format) \(kind)")
            }
        }
    }

    @Test func aPersonalRecheckAsksItsQuestionsAndOffersTheFirstAsButtons() throws {
        let quiz = ChatQuiz(prompt: "Who is Vault 3 for?", options: [ChatQuizOption(text: "Healthcare", value: "v1"), ChatQuizOption(text: "Retail", value: "v2")])
        let post = ChatRecheck(
            kind: .recheck, messageID: "m", version: 1, title: "T", people: [ChatPerson(name: "Ana", handle: "U024BE7LH")], shared: false,
            questions: ["Who is Vault 3 for?", "How fast is a restore?"], quiz: quiz, surveyURL: "https://x.example/s/t")
        let text = String(decoding: RecheckRenderer.render(post, as: .slack, transactionID: "k").body, as: UTF8.self)
        #expect(text.contains("2 questions") && text.contains("The first is below"))
        #expect(text.contains("\"value\":\"v1\""), "the first question as buttons")
        #expect(text.components(separatedBy: "Who is Vault 3 for?").count == 2, "asked once, with its buttons")
        let teams = String(decoding: RecheckRenderer.render(post, as: .teams, transactionID: "k").body, as: UTF8.self)
        #expect(teams.contains("How fast is a restore?"), "formats without buttons list every question")
    }

    @Test func aLongChannelPostNamesFiftyAndCountsTheRest() {
        let many = (0..<70).map { ChatPerson(name: "Rep \($0)", handle: nil) }
        let post = ChatRecheck(kind: .recheck, messageID: "m", version: 1, title: "T", people: many, shared: true)
        let text = String(decoding: RecheckRenderer.render(post, as: .mattermost, transactionID: "k").body, as: UTF8.self)
        #expect(text.contains("and 20 more"))
        #expect(!text.contains("Rep 69"))
    }
}
