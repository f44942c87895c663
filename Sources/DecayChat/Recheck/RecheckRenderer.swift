import DecayCore
import Foundation

/// Renders a re-check or reminder for each format. Posts are short (a heading, names, at most three questions and a
/// link), so limits are met by clipping the title and naming at most `maxNamed` people in a channel post.
public enum RecheckRenderer {
    /// People named in one channel post; the rest are counted ("and 12 more"), and Discord allows 100 user mentions.
    public static let maxNamed = 50
    static let titleLimit = 150

    /// `transactionID` is used by Matrix only (the outbox key, so a retry is not posted twice).
    public static func render(_ post: ChatRecheck, as format: ChatFormat, transactionID: String) -> ChatPayload {
        switch format {
        case .slack: self.slack(post)
        case .teams: self.teams(post)
        case .discord: self.discord(post)
        case .mattermost: self.mattermost(post)
        case .googlechat: self.googleChat(post)
        case .matrix: self.matrix(post, transactionID: transactionID)
        case .webhook: self.webhook(post)
        }
    }

    /// The names line: mentions or escaped names joined by commas, then "and N more".
    static func names(_ post: ChatRecheck, format: ChatFormat, render: (ChatPerson) -> String) -> String {
        let named = post.people.prefix(self.maxNamed).map(render)
        let rest = post.people.count - named.count
        return named.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }

    static func heading(_ post: ChatRecheck) -> String {
        TextBudget.clip(post.heading.replacingOccurrences(of: "\n", with: " "), limit: self.titleLimit)
    }

    private static func slack(_ post: ChatRecheck) -> ChatPayload {
        let names = self.names(post, format: .slack) { ChatMention.text($0, format: .slack) }
        var text = names + ": " + post.lead
        if post.quiz != nil {
            text += post.questions.count > 1 ? " The first is below; the next comes after your answer." : ""
        } else {
            for (index, question) in post.questions.enumerated() {
                text += "\n\(index + 1). " + ChatEscaping.slackMrkdwn(question)
            }
        }
        var blocks: [JSONValue] = [
            ["type": "header", "text": ["type": "plain_text", "text": .string(ChatEscaping.mentions(self.heading(post))), "emoji": true]],
            ["type": "section", "text": ["type": "mrkdwn", "text": .string(TextBudget.clip(text, limit: SlackRenderer.Limit.sectionText))]],
        ]
        if let quiz = post.quiz { blocks += SlackRenderer.quizBlocks(quiz) }
        if let url = post.surveyURL {
            blocks.append(["type": "actions", "elements": [
                ["type": "button", "text": ["type": "plain_text", "text": .string(post.linkLabel)], "action_id": "survey", "url": .string(url)],
            ]])
        }
        let payload: JSONValue = ["text": .string(ChatEscaping.slackMrkdwn(self.heading(post))), "blocks": .array(blocks)]
        return ChatPayload(format: .slack, body: payload.data)
    }

    private static func teams(_ post: ChatRecheck) -> ChatPayload {
        var body: [JSONValue] = [
            ["type": "TextBlock", "text": .string(ChatEscaping.markdown(self.heading(post))), "size": "Large", "weight": "Bolder", "wrap": true],
            ["type": "TextBlock", "text": .string(self.names(post, format: .teams) { ChatMention.text($0, format: .teams) } + ": " + post.lead), "wrap": true],
        ]
        for (index, question) in post.questions.enumerated() {
            body.append(["type": "TextBlock", "text": .string("\(index + 1). " + ChatEscaping.markdown(question)), "wrap": true])
        }
        var card: [String: JSONValue] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard", "version": "1.4",
            "body": .array(body), "msteams": ["width": "Full"],
        ]
        if let url = post.surveyURL {
            card["actions"] = [["type": "Action.OpenUrl", "title": .string(post.linkLabel), "url": .string(url)]]
        }
        let payload: JSONValue = ["type": "message", "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "content": .object(card)]]]
        return ChatPayload(format: .teams, body: payload.data)
    }

    private static func discord(_ post: ChatRecheck) -> ChatPayload {
        let ids = post.people.prefix(self.maxNamed).compactMap { ChatMention.discordUserID($0.handle) }
        var content = self.names(post, format: .discord) { ChatMention.text($0, format: .discord) } + ": " + post.lead
        for (index, question) in post.questions.enumerated() {
            content += "\n\(index + 1). " + ChatEscaping.mentions(ChatEscaping.markdown(question))
        }
        var embed: [String: JSONValue] = ["title": .string(ChatEscaping.markdown(self.heading(post)))]
        if let url = post.surveyURL {
            embed["url"] = .string(url)
            content += "\n" + post.linkLabel + ": " + url
        }
        let payload: JSONValue = [
            "content": .string(TextBudget.clip(content, limit: 2000)), "embeds": [.object(embed)],
            "allowed_mentions": ["parse": [], "users": .array(Array(Set(ids)).sorted().map { .string($0) })],
        ]
        return ChatPayload(format: .discord, body: payload.data)
    }

    private static func mattermost(_ post: ChatRecheck) -> ChatPayload {
        var text = "#### " + ChatEscaping.mattermost(self.heading(post)) + "\n\n"
        text += self.names(post, format: .mattermost) { ChatMention.text($0, format: .mattermost) } + ": " + post.lead
        for (index, question) in post.questions.enumerated() {
            text += "\n\(index + 1). " + ChatEscaping.mattermost(question)
        }
        if let url = post.surveyURL { text += "\n\n[\(post.linkLabel)](\(url))" }
        let payload: JSONValue = [
            "text": .string(text),
            "props": ["messagedecay_message": .string(post.messageID), "messagedecay_version": .int(post.version), "messagedecay_kind": .string(post.kind.rawValue)],
        ]
        return ChatPayload(format: .mattermost, body: payload.data)
    }

    private static func googleChat(_ post: ChatRecheck) -> ChatPayload {
        var text = self.names(post, format: .googlechat) { ChatMention.text($0, format: .googlechat) } + ": " + ChatEscaping.htmlText(post.lead)
        for (index, question) in post.questions.enumerated() {
            text += "\n\(index + 1). " + ChatEscaping.htmlText(ChatEscaping.mentions(question))
        }
        var widgets: [JSONValue] = [["textParagraph": ["text": .string(text)]]]
        if let url = post.surveyURL {
            widgets.append(["buttonList": ["buttons": [["text": .string(post.linkLabel), "onClick": ["openLink": ["url": .string(url)]]]]]])
        }
        let card: JSONValue = ["header": ["title": .string(ChatEscaping.htmlText(self.heading(post)))], "sections": [["widgets": .array(widgets)]]]
        // Google Chat turns `<users/…>` in the plain `text` into a mention; cards cannot mention.
        let mentions = post.people.prefix(self.maxNamed).compactMap { ChatMention.googleChatUser($0.handle).map { "<\($0)>" } }
        var payload: [String: JSONValue] = ["cardsV2": [["cardId": .string("\(post.kind.rawValue)-\(post.messageID)-v\(post.version)"), "card": card]]]
        if post.shared, !mentions.isEmpty { payload["text"] = .string(mentions.joined(separator: " ")) }
        return ChatPayload(format: .googlechat, body: JSONValue.object(payload).data)
    }

    private static func matrix(_ post: ChatRecheck, transactionID: String) -> ChatPayload {
        let named = post.people.prefix(self.maxNamed)
        let rest = post.people.count - named.count
        let more = rest > 0 ? " and \(rest) more" : ""
        let plainNames = named.map { ChatEscaping.mentions($0.name) }.joined(separator: ", ") + more
        let htmlNames = named.map { person in
            guard let id = ChatMention.matrixUserID(person.handle) else { return ChatEscaping.matrixHTML(person.name) }
            return "<a href=\"https://matrix.to/#/" + ChatEscaping.html(id) + "\">" + ChatEscaping.matrixHTML(person.name) + "</a>"
        }.joined(separator: ", ") + more
        var plain = ChatEscaping.mentions(self.heading(post)) + "\n\n" + plainNames + ": " + post.lead
        var html = "<h3>" + ChatEscaping.matrixHTML(self.heading(post)) + "</h3><p>" + htmlNames + ": " + ChatEscaping.html(post.lead) + "</p>"
        if !post.questions.isEmpty {
            html += "<ol>"
            for (index, question) in post.questions.enumerated() {
                plain += "\n\(index + 1). " + ChatEscaping.mentions(question)
                html += "<li>" + ChatEscaping.matrixHTML(question) + "</li>"
            }
            html += "</ol>"
        }
        if let url = post.surveyURL {
            plain += "\n\n" + post.linkLabel + ": " + url
            html += "<p><a href=\"" + ChatEscaping.html(url) + "\">" + ChatEscaping.html(post.linkLabel) + "</a></p>"
        }
        let ids = Array(Set(named.compactMap { ChatMention.matrixUserID($0.handle) })).sorted()
        let content: JSONValue = [
            "msgtype": "m.text", "body": .string(plain), "format": "org.matrix.custom.html", "formatted_body": .string(html),
            "m.mentions": ids.isEmpty ? [:] : ["user_ids": .array(ids.map { .string($0) })],
        ]
        return ChatPayload(format: .matrix, body: content.data, method: .put, pathSuffix: MatrixRenderer.pathSuffix(transactionID: transactionID))
    }

    private static func webhook(_ post: ChatRecheck) -> ChatPayload {
        var object: [String: JSONValue] = [
            "message": .string(post.messageID), "version": .int(post.version), "title": .string(post.title),
            "shared": .bool(post.shared),
            "people": .array(post.people.map { person in
                var entry: [String: JSONValue] = ["name": .string(person.name)]
                if let handle = person.handle { entry["handle"] = .string(handle) }
                return .object(entry)
            }),
            "questions": .array(post.questions.map { .string($0) }),
        ]
        if let url = post.surveyURL { object["survey_url"] = .string(url) }
        let payload: JSONValue = ["type": .string(post.kind == .recheck ? "message.recheck" : "message.reminder"), "recheck": .object(object)]
        return ChatPayload(format: .webhook, body: payload.data)
    }
}
