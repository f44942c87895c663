import Foundation

/// Google Chat incoming webhook with one `cardsV2` card: header, body, key points and a survey button.
public enum GoogleChatRenderer {
    /// Limits from the Google Chat API reference (CardWithId: card at most 32 KB; at most 100 widgets per card).
    enum Limit {
        static let payloadBytes = 32_000
        static let title = 200
    }

    public static func render(_ broadcast: ChatBroadcast) -> ChatPayload {
        let title = TextBudget.clip(broadcast.title, limit: Limit.title)
        let data = PayloadFit.largest(maxBytes: Limit.payloadBytes, start: Limit.payloadBytes) { budget in
            self.payload(broadcast, title: title, budget: budget).data
        }
        return ChatPayload(format: .googlechat, body: data)
    }

    /// The body gets the budget and key points a third of it, measured in UTF-8 bytes of rendered HTML.
    private static func payload(_ broadcast: ChatBroadcast, title: String, budget: Int) -> JSONValue {
        var sections: [JSONValue] = [
            ["widgets": [["textParagraph": ["text": .string(self.html(broadcast.body, limit: budget))]]]],
        ]
        if !broadcast.keyPoints.isEmpty {
            let points = self.html(PayloadFit.keyPointList(broadcast.keyPoints), limit: budget / 3)
            sections.append(["header": "Key points", "widgets": [["textParagraph": ["text": .string(points)]]]])
        }
        if let url = broadcast.surveyURL {
            let button: JSONValue = ["text": "Take the quick survey", "onClick": ["openLink": ["url": .string(url)]]]
            sections.append(["widgets": [["buttonList": ["buttons": [button]]]]])
        }
        let card: JSONValue = [
            "header": ["title": .string(ChatEscaping.htmlText(title)), "subtitle": .string("Version \(broadcast.version)")],
            "sections": .array(sections),
        ]
        return ["cardsV2": [["cardId": .string("\(broadcast.messageID)-v\(broadcast.version)"), "card": card]]]
    }

    private static func html(_ text: String, limit: Int) -> String {
        let render = { (text: String) in MarkdownStyle.googleChat.render(text) }
        return render(TextBudget.cut(text, limit: limit, measure: { TextBudget.bytes(render($0)) }))
    }
}
