import Foundation

/// Discord execute-webhook body: short `content` plus one embed, with mentions switched off.
public enum DiscordRenderer {
    /// Limits from the Discord developer docs, Message resource "Embed Limits" and Execute Webhook.
    enum Limit {
        static let content = 2000
        static let embeds = 10
        static let embedTotal = 6000
        static let title = 256
        static let description = 4096
        static let fields = 25
        static let fieldName = 256
        static let fieldValue = 1024
        static let footer = 2048
        /// Kept free for the description when key points fill the fields.
        static let descriptionReserve = 1000
    }

    public static func render(_ broadcast: ChatBroadcast) -> ChatPayload {
        let units = TextBudget.units
        let title = TextBudget.clip(ChatEscaping.markdown(broadcast.title), limit: Limit.title)
        let footer = TextBudget.clip("\(broadcast.messageID) · version \(broadcast.version)", limit: Limit.footer)
        var used = units(title) + units(footer)
        let fields = self.fields(broadcast.keyPoints, budget: Limit.embedTotal - used - Limit.descriptionReserve)
        used += fields.reduce(0) { $0 + units($1.name) + units($1.value) }
        let descriptionLimit = min(Limit.description, Limit.embedTotal - used)
        let description = MarkdownStyle.markdown.render(
            TextBudget.cut(broadcast.body, limit: descriptionLimit, measure: { units(MarkdownStyle.markdown.render($0)) })
        )
        var embed: [String: JSONValue] = [
            "title": .string(title),
            "description": .string(description),
            "footer": ["text": .string(footer)],
        ]
        if !fields.isEmpty {
            embed["fields"] = .array(fields.map { ["name": .string($0.name), "value": .string($0.value), "inline": false] })
        }
        if let url = broadcast.surveyURL {
            embed["url"] = .string(url)
        }
        let payload: JSONValue = [
            "content": .string(TextBudget.clip(ChatEscaping.markdown(broadcast.title), limit: Limit.content)),
            "embeds": [.object(embed)],
            "allowed_mentions": ["parse": []],
        ]
        return ChatPayload(format: .discord, body: payload.data)
    }

    /// One field per key point while the count and budget allow; a last field says the rest is in the dashboard.
    static func fields(_ points: [String], budget: Int) -> [(name: String, value: String)] {
        let more = (name: "More", value: TextBudget.notice)
        let moreSize = TextBudget.units(more.name) + TextBudget.units(more.value)
        var result: [(name: String, value: String)] = []
        var used = 0
        for (offset, point) in points.enumerated() {
            let field = (name: "Key point \(offset + 1)", value: TextBudget.clip(ChatEscaping.markdown(point), limit: Limit.fieldValue))
            let size = TextBudget.units(field.name) + TextBudget.units(field.value)
            let isLast = offset == points.count - 1
            let room = isLast ? budget : budget - moreSize
            let slots = isLast ? Limit.fields : Limit.fields - 1
            guard result.count < slots, used + size <= room, !field.value.isEmpty else {
                result.append(more)
                return result
            }
            result.append(field)
            used += size
        }
        return result
    }
}
