import Foundation

/// What the store hands the message report: graded quiz answers with their delivery, free texts and relays.
public struct MessageReportInput: Sendable {
    /// One graded quiz answer, with the delivery it answered (nil delivery: answered without a recorded delivery).
    public struct QuizAnswer: Sendable {
        public var personID: String
        public var surveyID: String
        public var questionID: String
        public var keyPointID: String
        public var choices: [String]
        public var correct: Bool
        public var submittedAt: Date
        public var deliveredAt: Date?
        public var hops: Int?

        public init(
            personID: String, surveyID: String, questionID: String, keyPointID: String, choices: [String], correct: Bool,
            submittedAt: Date, deliveredAt: Date?, hops: Int?
        ) {
            self.personID = personID
            self.surveyID = surveyID
            self.questionID = questionID
            self.keyPointID = keyPointID
            self.choices = choices
            self.correct = correct
            self.submittedAt = submittedAt
            self.deliveredAt = deliveredAt
            self.hops = hops
        }
    }

    public struct Relay: Sendable {
        public var from: String
        public var at: Date
        public var recipients: Int
        public var text: String

        public init(from: String, at: Date, recipients: Int, text: String) {
            self.from = from
            self.at = at
            self.recipients = recipients
            self.text = text
        }
    }

    public var answers: [QuizAnswer]
    /// Free-text answers to questions scored against key points: (who wrote it, question's key points, text).
    public var freeTexts: [(person: String, keyPoints: [String], text: String)]
    public var relays: [Relay]

    public init(answers: [QuizAnswer], freeTexts: [(person: String, keyPoints: [String], text: String)], relays: [Relay]) {
        self.answers = answers
        self.freeTexts = freeTexts
        self.relays = relays
    }
}
