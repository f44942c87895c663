import DecayCore

/// One message as it goes out to a chat channel: the content every renderer draws from.
/// Kept free of platform detail so each format decides layout and limits on its own. Bidi controls are dropped
/// from the texts, so a title or body cannot reverse what follows it in any format.
public struct ChatBroadcast: Sendable, Equatable {
    public var messageID: String
    public var version: Int
    public var title: String
    /// Markdown body, as written in `messages/<id>.md`.
    public var body: String
    public var keyPoints: [String]
    /// Button value for "Got it", normally `ButtonValue.ack(message:person:).encoded`.
    public var acknowledgeValue: String
    public var surveyURL: String?
    public var quiz: ChatQuiz?

    public init(
        messageID: String,
        version: Int,
        title: String,
        body: String,
        keyPoints: [String],
        acknowledgeValue: String,
        surveyURL: String? = nil,
        quiz: ChatQuiz? = nil
    ) {
        self.messageID = messageID
        self.version = version
        self.title = ChatEscaping.withoutBidiControls(title)
        self.body = ChatEscaping.withoutBidiControls(body)
        self.keyPoints = keyPoints.map(ChatEscaping.withoutBidiControls)
        self.acknowledgeValue = acknowledgeValue
        self.surveyURL = surveyURL
        self.quiz = quiz
    }

    /// Builds the broadcast of a shipped message; the ack value carries no person, so the clicker is used.
    public init(message: Message, surveyURL: String? = nil, quiz: ChatQuiz? = nil) {
        self.init(
            messageID: message.id,
            version: message.version,
            title: message.title,
            body: message.body,
            keyPoints: message.keyPoints.map(\.text),
            acknowledgeValue: ButtonValue.ack(message: message.id, person: nil).encoded,
            surveyURL: surveyURL,
            quiz: quiz
        )
    }
}

/// A one-question quiz shown as buttons (Slack only, where clicks come back to us).
public struct ChatQuiz: Sendable, Equatable {
    public var prompt: String
    public var options: [ChatQuizOption]

    public init(prompt: String, options: [ChatQuizOption]) {
        self.prompt = ChatEscaping.withoutBidiControls(prompt)
        self.options = options
    }

    /// One survey question as buttons whose values answer it (`person` nil: the clicking user is looked up).
    public init(survey: String, question: Question, person: String?) {
        self.init(prompt: question.prompt, options: question.choices.map { option in
            ChatQuizOption(
                text: option.text,
                value: ButtonValue.answer(survey: survey, question: question.id, option: option.id, person: person).encoded)
        })
    }
}

/// One answer button: its label and its `ButtonValue.answer(...).encoded` value.
public struct ChatQuizOption: Sendable, Equatable {
    public var text: String
    public var value: String

    public init(text: String, value: String) {
        self.text = ChatEscaping.withoutBidiControls(text)
        self.value = value
    }
}
