import DecayApp
import DecayCore
import DecayStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The whole quiz inside Slack")
struct SlackQuizTests {
    /// Waits for the loopback `response_url` to receive its `count`th post.
    static func posts(_ inbox: BroadcastTests.Inbox, atLeast count: Int) async throws -> [[String: Any]] {
        for _ in 0..<200 {
            let posts = await inbox.posts
            if posts.count >= count {
                return try posts.map { try #require(try JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any]) }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the response_url got \(await inbox.posts.count) posts, expected \(count)")
        return []
    }

    static func buttonValues(_ reply: [String: Any]) -> [String] {
        let blocks = reply["blocks"] as? [[String: Any]] ?? []
        return blocks.flatMap { ($0["elements"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String } }
    }

    /// Four clicks, each on the buttons of the step before, answer the four quiz questions of vault-3-check (q3 wrongly); after each, the click's
    /// `response_url` (a loopback receiver) gets the next question for the clicker only, then the score and the
    /// key point to remember. The clicks are answered before and whatever the replies do.
    @Test func eachClickIsRecordedAndAnsweredWithTheNextQuestionUntilTheScore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decay-slack-quiz-\(UUID().uuidString)")
        let database = try await AppDatabase.open(path: folder.appendingPathComponent("decay.sqlite").path)
        try await EventWebhookTests.seedDirectory(database)
        let inbox = BroadcastTests.Inbox()
        try await BroadcastTests.sink(inbox).test(.live) { sinkClient in
            let responseURL = "http://127.0.0.1:\(try #require(sinkClient.port))/hook/response"
            try await BroadcastTests.makeApp(database).test(.live) { client in
                func click(_ value: String, _ index: Int, ephemeral: Bool) async throws {
                    let body = SlackTypeformWebhookTests.slackBody(
                        value: value, actionTS: "1763632500.00010\(index)", responseURL: responseURL, ephemeral: ephemeral)
                    let response = try await client.execute(
                        uri: "/webhooks/slack", method: .post, headers: try SlackTypeformWebhookTests.slackHeaders(body), body: ByteBuffer(bytes: body))
                    #expect(response.status == .ok)
                }
                try await click("ans1:vault-3-check:q1:a", 1, ephemeral: false)
                var replies = try await Self.posts(inbox, atLeast: 1)
                #expect(replies[0]["response_type"] as? String == "ephemeral", "never shown to the whole channel")
                #expect(replies[0]["replace_original"] as? Bool == false, "the broadcast itself stays as it is")
                #expect(Self.buttonValues(replies[0]).contains("ans1:vault-3-check:q2:b:rep-0042"))
                #expect((replies[0]["text"] as? String)?.contains("Question 2 of 4") == true)
                #expect(!(String(data: try JSONSerialization.data(withJSONObject: replies[0]), encoding: .utf8) ?? "").contains("right"),
                        "correctness is revealed only at the end")

                for (step, value) in ["ans1:vault-3-check:q2:b:rep-0042", "ans1:vault-3-check:q3:a:rep-0042", "ans1:vault-3-check:q4:b:rep-0042"].enumerated() {
                    #expect(Self.buttonValues(replies[step]).contains(value), "each step offers the next question's buttons")
                    try await click(value, step + 2, ephemeral: true)
                    replies = try await Self.posts(inbox, atLeast: step + 2)
                }
                let last = try #require(replies.last)
                #expect(last["replace_original"] as? Bool == true, "a step replaces the previous step")
                #expect((last["text"] as? String)?.contains("3 of 4 right") == true)
                #expect(Self.buttonValues(last).isEmpty)
                let remember = String(data: try JSONSerialization.data(withJSONObject: last), encoding: .utf8) ?? ""
                #expect(remember.contains("HIPAA audit reports"), "the key point behind the wrong answer: \(remember)")
            }
        }
        let answers = try await database.quizAnswers(person: "rep-0042", survey: "vault-3-check")
        #expect(answers.map(\.question) == ["q1", "q2", "q3", "q4"])
        #expect(answers.map(\.correct) == [true, true, false, true])
    }
}
