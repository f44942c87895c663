import DecayChat
import DecayCore
import Foundation
import Testing

/// Shared inputs for the chat renderer tests: the shipped message, a huge one and a hostile one.
enum ChatFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let surveyURL = "https://decay.example/s/vault-3-check?t=abc&v=2"

    /// `messages/vault-3-launch.md` as shipped, with the survey link and the first quiz question.
    static func vaultLaunch() throws -> ChatBroadcast {
        let file = self.repoRoot.appendingPathComponent("messages/vault-3-launch.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let message = try MessageParser.parse(text, file: "messages/vault-3-launch.md").get()
        let options = [("a", "Mid-market healthcare providers"), ("b", "Retail small businesses"), ("c", "Fortune 500 enterprises")]
        let quiz = ChatQuiz(
            prompt: "Who is Vault 3.0 built for?",
            options: options.map { id, text in
                ChatQuizOption(text: text, value: ButtonValue.answer(survey: "vault-3-check", question: "q1", option: id, person: nil).encoded)
            }
        )
        return ChatBroadcast(message: message, surveyURL: self.surveyURL, quiz: quiz)
    }

    /// A 200 KB body in paragraphs of sentences, 200 key points, a 500-character title and 40 long quiz options.
    static func huge() -> ChatBroadcast {
        let sentence = "Vault keeps an immutable copy of every backup & restores whole sites within four hours. "
        let paragraph = String(repeating: sentence, count: 12).trimmingCharacters(in: .whitespaces)
        var body = ""
        while body.utf8.count < 200_000 {
            body += "- **Point:** " + paragraph + "\n\n" + paragraph + "\n\n"
        }
        let points = (1...200).map { "Key point \($0): " + String(repeating: "every backup <is> copied & kept ", count: 4 + $0 % 50) }
        let options = (1...40).map { index in
            ChatQuizOption(
                text: "Option \(index) " + String(repeating: "long answer text ", count: 10),
                value: ButtonValue.answer(survey: "huge-check", question: "q1", option: "o\(index)", person: nil).encoded
            )
        }
        return ChatBroadcast(
            messageID: "huge-message",
            version: 7,
            title: String(repeating: "A very long title ", count: 30),
            body: body,
            keyPoints: points,
            acknowledgeValue: ButtonValue.ack(message: "huge-message", person: nil).encoded,
            surveyURL: self.surveyURL,
            quiz: ChatQuiz(prompt: String(repeating: "Which is true? ", count: 300), options: options)
        )
    }

    /// Content trying to inject markup and mass mentions.
    static func hostile() -> ChatBroadcast {
        ChatBroadcast(
            messageID: "hostile",
            version: 1,
            title: "<script>alert(1)</script> & <!channel>",
            body: "Hello <!channel> & <@U123> <script>alert('x')</script> \"quoted\" **bold <b>**",
            keyPoints: ["Tom & Jerry <img src=x onerror=alert(1)>", "<!here> ping"],
            acknowledgeValue: ButtonValue.ack(message: "hostile", person: nil).encoded,
            surveyURL: "https://decay.example/s?a=1&b=\"<x>\"",
            quiz: nil
        )
    }

    static func json(_ payload: ChatPayload) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: payload.body) as? [String: Any])
    }

    static func length(_ value: Any?) -> Int {
        (value as? String)?.utf16.count ?? 0
    }
}
