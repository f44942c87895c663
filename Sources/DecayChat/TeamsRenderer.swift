import Foundation

/// Microsoft Teams Workflows webhook: a `message` whose one attachment is an Adaptive Card 1.4.
public enum TeamsRenderer {
    /// Limits from Microsoft Learn "Create Incoming Webhooks" and the Teams connector known issues: 28 KB per message.
    enum Limit {
        static let payloadBytes = 28_000
        static let title = 256
    }

    public static func render(_ broadcast: ChatBroadcast) -> ChatPayload {
        let title = TextBudget.clip(ChatEscaping.markdown(broadcast.title), limit: Limit.title)
        let data = PayloadFit.largest(maxBytes: Limit.payloadBytes, start: Limit.payloadBytes) { budget in
            self.payload(broadcast, title: title, budget: budget).data
        }
        return ChatPayload(format: .teams, body: data)
    }

    /// The body gets the budget and key points a third of it, both measured in UTF-8 bytes.
    private static func payload(_ broadcast: ChatBroadcast, title: String, budget: Int) -> JSONValue {
        var body: [JSONValue] = [
            ["type": "TextBlock", "text": .string(title), "size": "Large", "weight": "Bolder", "wrap": true],
            ["type": "TextBlock", "text": .string(self.markdown(broadcast.body, limit: budget)), "wrap": true],
        ]
        if !broadcast.keyPoints.isEmpty {
            body.append(["type": "TextBlock", "text": "Key points", "weight": "Bolder", "wrap": true, "separator": true])
            body.append([
                "type": "TextBlock",
                "text": .string(self.markdown(PayloadFit.keyPointList(broadcast.keyPoints), limit: budget / 3)),
                "wrap": true,
            ])
        }
        var card: [String: JSONValue] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard",
            "version": "1.4",
            "body": .array(body),
            "msteams": ["width": "Full"],
        ]
        if let url = broadcast.surveyURL {
            card["actions"] = [["type": "Action.OpenUrl", "title": "Take the quick survey", "url": .string(url)]]
        }
        return [
            "type": "message",
            "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "content": .object(card)]],
        ]
    }

    private static func markdown(_ text: String, limit: Int) -> String {
        let render = { (text: String) in MarkdownStyle.markdown.render(text) }
        return render(TextBudget.cut(text, limit: limit, measure: { TextBudget.bytes(render($0)) }))
    }
}
