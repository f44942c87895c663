import DecayCore

/// The digest as an Adaptive Card 1.4 in a Workflows `message`: title, subtitle, then a bold heading and one
/// TextBlock of items per section; as many items per section as keep the whole body within 28,000 bytes.
public enum TeamsDigestRenderer {
    public static func render(_ digest: Digest) -> ChatPayload {
        let outline = DigestOutline(digest)
        let data = DigestFit.largest(upTo: outline.largestSection, fits: { $0.count <= TeamsRenderer.Limit.payloadBytes }) { cap in
            self.payload(outline, cap: cap).data
        }
        return ChatPayload(format: .teams, body: data)
    }

    private static func payload(_ outline: DigestOutline, cap: Int) -> JSONValue {
        let layout = DigestLayout.teams
        var body: [JSONValue] = [
            ["type": "TextBlock", "text": .string(TextBudget.clip(outline.title, limit: TeamsRenderer.Limit.title)), "size": "Large",
             "weight": "Bolder", "wrap": true],
            ["type": "TextBlock", "text": .string(ChatEscaping.markdown(outline.subtitle)), "isSubtle": true, "wrap": true],
        ]
        for section in outline.sections {
            let text = layout.chunks(section, cap: cap, limit: TeamsRenderer.Limit.payloadBytes, measure: TextBudget.bytes)[0]
            body.append(["type": "TextBlock", "text": .string(section.title), "weight": "Bolder", "wrap": true, "separator": true])
            body.append(["type": "TextBlock", "text": .string(text), "wrap": true])
        }
        var card: [String: JSONValue] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard", "version": "1.4",
            "body": .array(body), "msteams": ["width": "Full"],
        ]
        if let url = outline.dashboardURL {
            card["actions"] = [["type": "Action.OpenUrl", "title": .string(DigestOutline.dashboardLabel), "url": .string(url)]]
        }
        return ["type": "message", "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "content": .object(card)]]]
    }
}
