import Foundation

/// What the store hands the message report: graded quiz answers (grouped) with their route, free-text statuses and relays.
public struct MessageReportInput: Sendable {
    /// `count` identical graded quiz answers: same person, question, outcome, wrong choices, hops and six-hour span
    /// (and delay bin) of days since the delivery. One answer is a group of one.
    public struct QuizAnswer: Sendable {
        public var personID: String
        public var surveyID: String
        public var questionID: String
        public var keyPointID: String
        public var choices: [String]
        public var correct: Bool
        /// When the answer was given; for a group, the latest of its answers.
        public var submittedAt: Date
        /// Days from the delivery to the answer (mean over the group); nil when no delivery is recorded.
        public var days: Double?
        public var hops: Int?
        public var count: Int

        /// One answer, with the delivery it answered (nil delivery: answered without a recorded delivery).
        public init(
            personID: String, surveyID: String, questionID: String, keyPointID: String, choices: [String], correct: Bool,
            submittedAt: Date, deliveredAt: Date?, hops: Int?
        ) {
            self.init(
                personID: personID, surveyID: surveyID, questionID: questionID, keyPointID: keyPointID, choices: choices, correct: correct,
                submittedAt: submittedAt, days: deliveredAt.map { max(0, submittedAt.timeIntervalSince($0) / 86_400) },
                hops: hops, count: 1)
        }

        /// A group of `count` answers whose mean delay is `days`.
        public init(
            personID: String, surveyID: String, questionID: String, keyPointID: String, choices: [String], correct: Bool,
            submittedAt: Date, days: Double?, hops: Int?, count: Int
        ) {
            self.personID = personID
            self.surveyID = surveyID
            self.questionID = questionID
            self.keyPointID = keyPointID
            self.choices = choices
            self.correct = correct
            self.submittedAt = submittedAt
            self.days = days
            self.hops = hops
            self.count = count
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

    /// One stored version of the message (`message_version`); `content` nil when it could not be read back.
    public struct Version: Sendable {
        public var version: Int
        public var title: String
        public var loadedAt: Date
        public var content: Message?

        public init(version: Int, title: String, loadedAt: Date, content: Message?) {
            self.version = version
            self.title = title
            self.loadedAt = loadedAt
            self.content = content
        }
    }

    public var answers: [QuizAnswer]
    /// Free-text answers to questions scored against key points: (who wrote it, question's key points, text).
    public var freeTexts: [(person: String, keyPoints: [String], text: String)]
    /// Free-text statuses per key point as stored at ingest; when nil the report scores `freeTexts` itself.
    public var freeTextCounts: [String: [PointStatus.Kind: Int]]?
    public var relays: [Relay]
    /// Earlier versions and who said what last, to find people still on an old version; nil when none is stored.
    public var oldVersions: OldVersionEvidence?
    /// Every stored version of the message, oldest first.
    public var versions: [Version]

    public init(
        answers: [QuizAnswer], freeTexts: [(person: String, keyPoints: [String], text: String)],
        freeTextCounts: [String: [PointStatus.Kind: Int]]? = nil, relays: [Relay],
        oldVersions: OldVersionEvidence? = nil, versions: [Version] = []
    ) {
        self.oldVersions = oldVersions
        self.versions = versions
        self.answers = answers
        self.freeTexts = freeTexts
        self.freeTextCounts = freeTextCounts
        self.relays = relays
    }
}
