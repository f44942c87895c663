import DecayCore

/// The digest as one Mattermost Markdown post: a heading, the subtitle, then a bold title and a list per
/// section; as many items per section as keep the text within the 16,383-character post limit.
public enum MattermostDigestRenderer {
    public static func render(_ digest: Digest) -> ChatPayload {
        let outline = DigestOutline(digest)
        let limit = MattermostRenderer.Limit.text
        let text = DigestFit.largest(upTo: outline.largestSection, fits: { TextBudget.units($0) <= limit }) { cap in
            self.text(outline, cap: cap)
        }
        let payload: JSONValue = [
            "text": .string(text),
            "props": ["messagedecay_digest": .string(digest.manager.id), "messagedecay_week": .string(digest.week.description)],
        ]
        return ChatPayload(format: .mattermost, body: payload.data)
    }

    private static func text(_ outline: DigestOutline, cap: Int) -> String {
        let layout = DigestLayout.mattermost
        var parts = ["#### " + layout.escape(outline.title), layout.escape(outline.subtitle)]
        for section in outline.sections {
            parts.append(layout.chunks(
                section, cap: cap, limit: MattermostRenderer.Limit.text, prefix: layout.title(section.title) + "\n",
                measure: TextBudget.units)[0])
        }
        if let url = outline.dashboardURL { parts.append("[\(DigestOutline.dashboardLabel)](\(url))") }
        return parts.joined(separator: "\n\n")
    }
}
