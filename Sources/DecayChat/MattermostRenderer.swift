import Foundation

/// Mattermost incoming webhook: one Markdown `text`, which every Mattermost client renders; content is escaped
/// with `ChatEscaping.mattermost`, so no mention or Slack-style link from a title or body survives.
public enum MattermostRenderer {
    /// Post message limit from Mattermost developer docs (16,383 characters since server 5.0).
    enum Limit {
        static let text = 16_383
        static let title = 256
        static let keyPoints = 4000
    }

    public static func render(_ broadcast: ChatBroadcast) -> ChatPayload {
        let style = MarkdownStyle.mattermost
        let measure = { (text: String) in TextBudget.units(style.render(text)) }
        let title = "#### " + ChatEscaping.mattermost(
            TextBudget.clip(broadcast.title.replacingOccurrences(of: "\n", with: " "), limit: Limit.title))
        var tail = ""
        if !broadcast.keyPoints.isEmpty {
            let points = TextBudget.cut(PayloadFit.keyPointList(broadcast.keyPoints), limit: Limit.keyPoints, measure: measure)
            tail += "\n\n**Key points**\n\n" + style.render(points)
        }
        if let url = broadcast.surveyURL {
            tail += "\n\n[Take the quick survey](\(url))"
        }
        let bodyLimit = Limit.text - TextBudget.units(title) - TextBudget.units(tail) - 2
        let body = style.render(TextBudget.cut(broadcast.body, limit: bodyLimit, measure: measure))
        let payload: JSONValue = [
            "text": .string(title + "\n\n" + body + tail),
            "props": ["messagedecay_message": .string(broadcast.messageID), "messagedecay_version": .int(broadcast.version)],
        ]
        return ChatPayload(format: .mattermost, body: payload.data)
    }
}
