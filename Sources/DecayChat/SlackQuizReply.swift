import DecayCore

/// What a Slack quiz click gets back through its `response_url`: an ephemeral message (only the person who clicked
/// sees it, so no one's answers or score show in a shared channel) with a short confirmation and the next question's
/// buttons, or, when the quiz is done, the score and the key point to remember. Correctness is revealed only at the end.
public enum SlackQuizReply {
    /// `replacing`: the click came from our own ephemeral quiz message, which this reply then replaces.
    public static func render(progress: QuizProgress, person: String, message: Message?, replacing: Bool) -> ChatPayload {
        var blocks: [JSONValue] = []
        let text: String
        if let next = progress.next {
            let step = progress.answered.count + 1
            text = "Thanks, recorded. Question \(step) of \(progress.total):"
            blocks.append(self.section(text))
            blocks += SlackRenderer.quizBlocks(ChatQuiz(survey: progress.survey.id, question: next, person: person))
        } else {
            text = "Thanks, that was the last question: \(progress.right) of \(progress.total) right."
            blocks.append(self.section(text))
            if let id = progress.toRemember, let point = message?.keyPoint(id) {
                blocks.append(self.section("*The one to remember:* " + ChatEscaping.slackMrkdwn(point.text)))
            }
        }
        let payload: JSONValue = [
            "response_type": "ephemeral",
            "replace_original": .bool(replacing),
            "text": .string(ChatEscaping.slackMrkdwn(text)),
            "blocks": .array(blocks),
        ]
        return ChatPayload(format: .slack, body: payload.data)
    }

    private static func section(_ text: String) -> JSONValue {
        ["type": "section", "text": SlackRenderer.mrkdwnText(text)]
    }
}
