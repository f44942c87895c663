import DecayCore

/// The digest as one Google Chat `cardsV2` card: header with title and subtitle, one section per outline section
/// with a text paragraph of whole items; as many items per section as keep the body within 32,000 bytes. The header
/// is escaped like the paragraphs, so a manager or partner name like `<users/all>` stays text.
public enum GoogleChatDigestRenderer {
    public static func render(_ digest: Digest) -> ChatPayload {
        let outline = DigestOutline(digest)
        let id = "digest-\(digest.manager.id)-\(digest.week)"
        let data = DigestFit.largest(upTo: outline.largestSection, fits: { $0.count <= GoogleChatRenderer.Limit.payloadBytes }) { cap in
            self.payload(outline, cardID: id, cap: cap).data
        }
        return ChatPayload(format: .googlechat, body: data)
    }

    private static func payload(_ outline: DigestOutline, cardID: String, cap: Int) -> JSONValue {
        let layout = DigestLayout.googleChat
        var sections = outline.sections.map { section -> JSONValue in
            let text = layout.chunks(section, cap: cap, limit: GoogleChatRenderer.Limit.payloadBytes, measure: TextBudget.bytes)[0]
            return ["header": .string(ChatEscaping.htmlText(section.title)), "widgets": [["textParagraph": ["text": .string(text)]]]]
        }
        if let url = outline.dashboardURL {
            let button: JSONValue = ["text": .string(DigestOutline.dashboardLabel), "onClick": ["openLink": ["url": .string(url)]]]
            sections.append(["widgets": [["buttonList": ["buttons": [button]]]]])
        }
        let header: JSONValue = [
            "title": .string(ChatEscaping.htmlText(TextBudget.clip(outline.title, limit: GoogleChatRenderer.Limit.title))),
            "subtitle": .string(ChatEscaping.htmlText(TextBudget.clip(outline.subtitle, limit: GoogleChatRenderer.Limit.title))),
        ]
        return ["cardsV2": [["cardId": .string(cardID), "card": ["header": header, "sections": .array(sections)]]]]
    }
}
