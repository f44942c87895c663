import DecayCore

/// A re-check or a reminder as it goes out: to one rep's own chat destination (their name, the questions, their own
/// survey link), or to a partner channel naming the reps it is for. A channel post never carries anyone's score or
/// answers: only names, the message title and the channel's pick-your-name survey link.
public struct ChatRecheck: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case recheck
        case nudge
    }

    public var kind: Kind
    public var messageID: String
    public var version: Int
    public var title: String
    /// Who it is for: one person on their own destination, or everyone due at the partner in a channel post.
    public var people: [ChatPerson]
    /// Whether the post goes to a channel others read (mentions) rather than the rep's own destination.
    public var shared: Bool
    /// The questions a personal re-check asks, weakest key point first.
    public var questions: [String]
    /// The first question as buttons (Slack, personal posts only: clicks come back with the rep's id).
    public var quiz: ChatQuiz?
    public var surveyURL: String?

    public init(
        kind: Kind, messageID: String, version: Int, title: String, people: [ChatPerson], shared: Bool,
        questions: [String] = [], quiz: ChatQuiz? = nil, surveyURL: String? = nil
    ) {
        self.kind = kind
        self.messageID = messageID
        self.version = version
        self.title = ChatEscaping.withoutBidiControls(title)
        self.people = people
        self.shared = shared
        self.questions = shared ? [] : questions.map(ChatEscaping.withoutBidiControls)
        self.quiz = shared ? nil : quiz
        self.surveyURL = surveyURL
    }

    /// The post's heading.
    var heading: String {
        switch self.kind {
        case .recheck: "Quick re-check: " + self.title
        case .nudge: "Reminder: " + self.title
        }
    }

    /// The sentence after the names.
    var lead: String {
        switch (self.kind, self.shared) {
        case (.recheck, false):
            self.questions.count == 1 ? "one question on what still matters in this message." : "\(self.questions.count) questions on what still matters in this message."
        case (.recheck, true): "a one-minute re-check on what still matters in this message. Pick your name and answer."
        case (.nudge, false): "this message is still waiting for you. It takes a minute: read it and answer a few questions."
        case (.nudge, true): "this message is still waiting for you. Pick your name and answer a few questions."
        }
    }

    /// The link's label.
    var linkLabel: String {
        self.kind == .recheck ? "Answer the re-check" : "Read and answer"
    }
}

/// A person named in a post: their name, and their chat handle when the directory has one.
public struct ChatPerson: Sendable, Equatable {
    public var name: String
    public var handle: String?

    public init(name: String, handle: String?) {
        self.name = ChatEscaping.withoutBidiControls(name)
        self.handle = handle
    }
}
