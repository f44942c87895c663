import DecayCore

/// The digest as a Discord webhook message: title and subtitle in `content`, one embed per section (at most 8 of
/// the 10 allowed) whose description holds whole items; as many items per section as keep every embed's text
/// within 6,000 characters together. Mentions are switched off.
public enum DiscordDigestRenderer {
    public static func render(_ digest: Digest) -> ChatPayload {
        let outline = DigestOutline(digest)
        let limit = DiscordRenderer.Limit.self
        let link = outline.dashboardURL.map { "\n[\(DigestOutline.dashboardLabel)](<\($0)>)" } ?? ""
        let content = TextBudget.clip(
            "**" + ChatEscaping.markdown(outline.title) + "**\n" + ChatEscaping.markdown(outline.subtitle), limit: limit.content - TextBudget.units(link))
            + link
        let embeds = DigestFit.largest(upTo: outline.largestSection, fits: { $0.total <= limit.embedTotal }) { cap in
            self.embeds(outline, cap: cap)
        }
        let payload: JSONValue = ["content": .string(content), "embeds": .array(embeds.list), "allowed_mentions": ["parse": []]]
        return ChatPayload(format: .discord, body: payload.data)
    }

    /// The embeds and the characters they count towards the 6,000 total (titles and descriptions).
    private static func embeds(_ outline: DigestOutline, cap: Int) -> (list: [JSONValue], total: Int) {
        let limit = DiscordRenderer.Limit.self
        var total = 0
        let list = outline.sections.prefix(limit.embeds).map { section -> JSONValue in
            let title = TextBudget.clip(section.title, limit: limit.title)
            let description = DigestLayout.markdown.chunks(section, cap: cap, limit: limit.description, measure: TextBudget.units)[0]
            total += TextBudget.units(title) + TextBudget.units(description)
            return ["title": .string(title), "description": .string(description)]
        }
        return (list, total)
    }
}
