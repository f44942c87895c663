import Foundation

/// Slack incoming webhook with Block Kit blocks; buttons carry `ButtonValue` strings back to us.
public enum SlackRenderer {
    /// Limits from the Block Kit reference (docs.slack.dev/reference/block-kit): blocks, header, section, button.
    enum Limit {
        static let blocks = 50
        static let headerText = 150
        static let sectionText = 3000
        static let actionsElements = 25
        static let buttonText = 75
        static let buttonValue = 2000
        static let buttonURL = 3000
        static let actionID = 255
    }

    public static func render(_ broadcast: ChatBroadcast) -> ChatPayload {
        let title = TextBudget.clip(broadcast.title, limit: Limit.headerText)
        var blocks: [JSONValue] = [
            ["type": "header", "text": self.plainText(title)],
            self.section(self.mrkdwn(broadcast.body, limit: Limit.sectionText)),
        ]
        if !broadcast.keyPoints.isEmpty {
            let heading = "*Key points*\n"
            let points = self.mrkdwn(
                PayloadFit.keyPointList(broadcast.keyPoints),
                limit: Limit.sectionText - TextBudget.units(heading)
            )
            blocks.append(["type": "divider"])
            blocks.append(self.section(heading + points))
        }
        var buttons: [JSONValue] = []
        if TextBudget.units(broadcast.acknowledgeValue) <= Limit.buttonValue {
            buttons.append(self.button("Got it", actionID: "ack", value: broadcast.acknowledgeValue, primary: true))
        }
        if let url = broadcast.surveyURL, TextBudget.units(url) <= Limit.buttonURL {
            buttons.append(["type": "button", "text": self.plainText("Take the quick survey"), "action_id": "survey", "url": .string(url)])
        }
        if !buttons.isEmpty {
            blocks.append(["type": "actions", "elements": .array(buttons)])
        }
        if let quiz = broadcast.quiz {
            blocks.append(contentsOf: self.quizBlocks(quiz))
        }
        let payload: JSONValue = [
            "text": .string(ChatEscaping.slackMrkdwn(title)),
            "blocks": .array(Array(blocks.prefix(Limit.blocks))),
        ]
        return ChatPayload(format: .slack, body: payload.data)
    }

    /// A prompt section then one actions block of answer buttons; options past 25 or with oversized values are left out.
    static func quizBlocks(_ quiz: ChatQuiz) -> [JSONValue] {
        let options = quiz.options.filter { TextBudget.units($0.value) <= Limit.buttonValue }.prefix(Limit.actionsElements)
        let buttons = options.enumerated().map { offset, option in
            self.button(TextBudget.clip(option.text, limit: Limit.buttonText), actionID: "quiz-\(offset + 1)", value: option.value, primary: false)
        }
        var blocks: [JSONValue] = [self.section(self.mrkdwn(quiz.prompt, limit: Limit.sectionText))]
        if !buttons.isEmpty {
            blocks.append(["type": "actions", "elements": .array(buttons)])
        }
        return blocks
    }

    /// Markdown cut so its escaped mrkdwn form stays within `limit` characters.
    static func mrkdwn(_ markdown: String, limit: Int) -> String {
        let render = { (text: String) in MarkdownStyle.slack.render(text) }
        return render(TextBudget.cut(markdown, limit: limit, measure: { TextBudget.units(render($0)) }))
    }

    private static func section(_ text: String) -> JSONValue {
        ["type": "section", "text": self.mrkdwnText(text)]
    }

    /// A mrkdwn text object with `verbatim`, so Slack does not turn plain names like `#general` or `@here` into
    /// links or mentions; our own `*bold*` and escapes still apply.
    static func mrkdwnText(_ text: String) -> JSONValue {
        ["type": "mrkdwn", "text": .string(text), "verbatim": true]
    }

    /// Slack does not parse `plain_text`; `@` is defused anyway, so a title never reads as a mention in a client that does.
    private static func plainText(_ text: String) -> JSONValue {
        ["type": "plain_text", "text": .string(ChatEscaping.mentions(text)), "emoji": true]
    }

    private static func button(_ text: String, actionID: String, value: String, primary: Bool) -> JSONValue {
        var button: [String: JSONValue] = [
            "type": "button",
            "text": self.plainText(TextBudget.clip(text, limit: Limit.buttonText)),
            "action_id": .string(actionID),
            "value": .string(value),
        ]
        if primary { button["style"] = "primary" }
        return .object(button)
    }
}
