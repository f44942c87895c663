import Foundation

/// What the store reads to find who still carries an old version of a message: its stored earlier versions, each
/// person's latest answer per quiz question, their free texts and the relays they sent.
public struct OldVersionEvidence: Sendable {
    public struct QuizAnswer: Sendable, Equatable {
        public var person: String
        public var survey: String
        public var question: String
        public var choices: [String]
        public var correct: Bool
        public var at: Date

        public init(person: String, survey: String, question: String, choices: [String], correct: Bool, at: Date) {
            self.person = person
            self.survey = survey
            self.question = question
            self.choices = choices
            self.correct = correct
            self.at = at
        }
    }

    /// A free-text answer (scored against its question's key points) or a relay (against all of them: `keyPoints` nil).
    public struct Text: Sendable, Equatable {
        public var person: String
        public var keyPoints: [String]?
        public var text: String
        public var at: Date
        public var isRelay: Bool

        public init(person: String, keyPoints: [String]?, text: String, at: Date, isRelay: Bool) {
            self.person = person
            self.keyPoints = keyPoints
            self.text = text
            self.at = at
            self.isRelay = isRelay
        }
    }

    /// Earlier versions of the message as stored (`message_version.content`).
    public var previous: [Message]
    public var quizAnswers: [QuizAnswer]
    public var texts: [Text]

    public init(previous: [Message], quizAnswers: [QuizAnswer], texts: [Text]) {
        self.previous = previous
        self.quizAnswers = quizAnswers
        self.texts = texts
    }
}

/// One person still carrying an older version's claim of a key point, and where their latest word on it was seen.
public struct OldVersionHolder: Sendable, Equatable {
    public var person: String
    public var keyPoint: String
    public var version: Int
    public var source: Digest.Distortion.Source

    public init(person: String, keyPoint: String, version: Int, source: Digest.Distortion.Source) {
        self.person = person
        self.keyPoint = keyPoint
        self.version = version
        self.source = source
    }
}

extension OldVersionClaims {
    /// The people whose latest word on a changed key point carries an older version: a quiz answer picking an option
    /// that was right under it, or a free text or relay carrying its claim and not the current one. A later right
    /// answer or a text carrying the current claim clears them; a text saying neither changes nothing. Sorted by key
    /// point (message order), then person.
    public func holders(_ evidence: OldVersionEvidence, surveys: [Survey], keyPointOrder: [String]) -> [OldVersionHolder] {
        guard !self.isEmpty else { return [] }
        let options = self.oldOptions(surveys)
        let questions = Dictionary(surveys.flatMap { survey in survey.questions.map { ("\(survey.id)/\($0.id)", $0) } },
                                   uniquingKeysWith: { first, _ in first })
        var latest: [Key: (at: Date, version: Int?, source: Digest.Distortion.Source)] = [:]
        func record(_ key: Key, at: Date, version: Int?, source: Digest.Distortion.Source) {
            if let known = latest[key], known.at > at { return }
            latest[key] = (at, version, source)
        }
        for answer in evidence.quizAnswers {
            let id = "\(answer.survey)/\(answer.question)"
            guard let point = questions[id]?.keyPoint, self.claims[point] != nil else { continue }
            let version = answer.correct ? nil : answer.choices.compactMap { options[id]?[$0] }.max()
            record(Key(person: answer.person, keyPoint: point), at: answer.at, version: version, source: .quiz)
        }
        var stances: [String: Stance] = [:]
        for text in evidence.texts {
            for point in text.keyPoints ?? keyPointOrder where self.claims[point] != nil {
                let cacheKey = point + "\u{1}" + text.text
                let stance = stances[cacheKey] ?? self.stance(of: text.text, on: point)
                stances[cacheKey] = stance
                let source: Digest.Distortion.Source = text.isRelay ? .relay : .freeText
                switch stance {
                case .current: record(Key(person: text.person, keyPoint: point), at: text.at, version: nil, source: source)
                case .old(let version): record(Key(person: text.person, keyPoint: point), at: text.at, version: version, source: source)
                case .silent: break
                }
            }
        }
        let order = Dictionary(keyPointOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return latest.compactMap { key, value in
            value.version.map { OldVersionHolder(person: key.person, keyPoint: key.keyPoint, version: $0, source: value.source) }
        }
        .sorted { (order[$0.keyPoint] ?? .max, $0.person) < (order[$1.keyPoint] ?? .max, $1.person) }
    }

    private struct Key: Hashable {
        var person: String
        var keyPoint: String
    }
}
