import DecayCore

/// The digest as Slack Block Kit: a header, a context line, then per section one to five mrkdwn section blocks
/// of whole items, dividers between sections, and the dashboard button. At most 2 + 8 × 5 + 7 + 1 = 50 blocks, Slack's limit.
public enum SlackDigestRenderer {
    /// Section blocks one outline section may fill.
    static let blocksPerSection = 5

    public static func render(_ digest: Digest) -> ChatPayload {
        let outline = DigestOutline(digest)
        let layout = DigestLayout.slack
        let title = TextBudget.clip(outline.title, limit: SlackRenderer.Limit.headerText)
        let subtitle = ChatEscaping.slackMrkdwn(TextBudget.clip(outline.subtitle, limit: SlackRenderer.Limit.sectionText / 2))
        var blocks: [JSONValue] = [
            ["type": "header", "text": ["type": "plain_text", "text": .string(title), "emoji": true]],
            ["type": "context", "elements": [SlackRenderer.mrkdwnText(subtitle)]],
        ]
        for (index, section) in outline.sections.enumerated() {
            if index > 0 { blocks.append(["type": "divider"]) }
            let texts = layout.chunks(
                section, cap: section.items.count, limit: SlackRenderer.Limit.sectionText, maxChunks: Self.blocksPerSection,
                prefix: layout.title(section.title) + "\n", measure: TextBudget.units)
            blocks += texts.map { ["type": "section", "text": SlackRenderer.mrkdwnText($0)] }
        }
        if let url = outline.dashboardURL, TextBudget.units(url) <= SlackRenderer.Limit.buttonURL {
            blocks.append(["type": "actions", "elements": [
                ["type": "button", "text": ["type": "plain_text", "text": .string(DigestOutline.dashboardLabel)], "action_id": "dashboard", "url": .string(url)],
            ]])
        }
        let payload: JSONValue = ["text": .string(ChatEscaping.slackMrkdwn(title) + " · " + subtitle), "blocks": .array(blocks)]
        return ChatPayload(format: .slack, body: payload.data)
    }
}
