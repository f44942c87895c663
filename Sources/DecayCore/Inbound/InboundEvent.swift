import Foundation

/// What any inbound source (signed webhook, Slack button, Typeform, quick-survey page) turns into.
public enum InboundEvent: Sendable, Equatable {
    case surveyResponse(SurveyResponseEvent)
    case messageAck(MessageAckEvent)
    case messageRelay(MessageRelayEvent)
}

/// One person's answers to one survey, keyed by question id.
public struct SurveyResponseEvent: Sendable, Equatable {
    public var survey: String
    public var person: String
    public var submittedAt: Date
    public var answers: [String: AnswerValue]

    public init(survey: String, person: String, submittedAt: Date, answers: [String: AnswerValue]) {
        self.survey = survey
        self.person = person
        self.submittedAt = submittedAt
        self.answers = answers
    }
}

/// A person confirming they received a message.
public struct MessageAckEvent: Sendable, Equatable {
    public var message: String
    public var person: String
    public var at: Date

    public init(message: String, person: String, at: Date) {
        self.message = message
        self.person = person
        self.at = at
    }
}

/// A person passing a message on, in their own words, to the people below them.
public struct MessageRelayEvent: Sendable, Equatable {
    public var message: String
    public var from: String
    public var to: [String]
    public var text: String
    public var at: Date

    public init(message: String, from: String, to: [String], text: String, at: Date) {
        self.message = message
        self.from = from
        self.to = to
        self.text = text
        self.at = at
    }
}
