import Foundation

/// Sums graded quiz answers that the report and the fit cannot tell apart into counted ``MessageReportInput/QuizAnswer``
/// groups (same person, question, outcome, wrong choices, hops, six-hour delay span and delay bin), so a message
/// with 400,000 answers becomes far fewer values. Groups keep the order of their first answer.
public struct QuizAnswerGroups: Sendable {
    private struct Key: Equatable {
        var person: Int
        var question: Int
        /// Index of the wrong choices; -1 for a correct answer.
        var choices: Int
        var hops: Int
        var span: Int
        var bin: Int
    }

    private struct Question: Equatable {
        var survey: String
        var question: String
        var keyPoint: String
    }

    private let binDays: Double
    private var people: [String: Int] = [:]
    private var personIDs: [String] = []
    private var lastPerson: (id: String, index: Int)?
    /// Few per message, so a linear search beats hashing three strings per answer.
    private var questions: [Question] = []
    private var choices: [String?: Int] = [:]
    private var choiceList: [String?] = []
    /// Each person's groups: a person has few, so a linear search beats hashing every answer's key.
    private var personGroups: [[Int]] = []
    private var keys: [Key] = []
    private var latest: [Double] = []
    private var daySums: [Double] = []
    private var counts: [Int] = []

    /// `binDays` is the fit's delay bin (``ForgettingFitOptions/delayBinDays``), so grouping never merges two bins.
    public init(binDays: Double = ForgettingFitOptions().delayBinDays) {
        self.binDays = binDays
    }

    /// Adds one answer; times are seconds since 1970, `choices` the stored comma-joined option ids.
    public mutating func add(
        personID: String, surveyID: String, questionID: String, keyPointID: String, correct: Bool, choices: String?,
        submittedAt: Double, deliveredAt: Double?, hops: Int?
    ) {
        let days = deliveredAt.map { max(0, (submittedAt - $0) / 86_400) }
        let key = Key(
            person: self.person(personID), question: self.question(surveyID, questionID, keyPointID),
            choices: correct ? -1 : self.choice(choices), hops: hops ?? -1,
            span: days.map { Int(($0 / ForgettingCells.cellDays).rounded()) } ?? -1,
            bin: days.map { Int(($0 / self.binDays).rounded(.down)) } ?? -1
        )
        if let group = self.personGroups[key.person].first(where: { self.keys[$0] == key }) {
            self.latest[group] = max(self.latest[group], submittedAt)
            self.daySums[group] += days ?? 0
            self.counts[group] += 1
        } else {
            self.personGroups[key.person].append(self.keys.count)
            self.keys.append(key)
            self.latest.append(submittedAt)
            self.daySums.append(days ?? 0)
            self.counts.append(1)
        }
    }

    private mutating func person(_ id: String) -> Int {
        if let last = self.lastPerson, last.id == id { return last.index }
        let index = self.people[id] ?? {
            self.people[id] = self.personIDs.count
            self.personIDs.append(id)
            self.personGroups.append([])
            return self.personIDs.count - 1
        }()
        self.lastPerson = (id, index)
        return index
    }

    private mutating func question(_ survey: String, _ question: String, _ keyPoint: String) -> Int {
        let wanted = Question(survey: survey, question: question, keyPoint: keyPoint)
        if let found = self.questions.firstIndex(of: wanted) { return found }
        self.questions.append(wanted)
        return self.questions.count - 1
    }

    private mutating func choice(_ choices: String?) -> Int {
        if let found = self.choices[choices] { return found }
        self.choices[choices] = self.choiceList.count
        self.choiceList.append(choices)
        return self.choiceList.count - 1
    }

    /// The groups, in the order of their first answer.
    public var answers: [MessageReportInput.QuizAnswer] {
        let choices = self.choiceList.map { $0?.split(separator: ",").map(String.init) ?? [] }
        return self.keys.indices.map { group in
            let key = self.keys[group]
            let question = self.questions[key.question]
            return MessageReportInput.QuizAnswer(
                personID: self.personIDs[key.person], surveyID: question.survey, questionID: question.question, keyPointID: question.keyPoint,
                choices: key.choices < 0 ? [] : choices[key.choices], correct: key.choices < 0,
                submittedAt: Date(timeIntervalSince1970: self.latest[group]),
                days: key.span < 0 ? nil : self.daySums[group] / Double(self.counts[group]), hops: key.hops < 0 ? nil : key.hops,
                count: self.counts[group]
            )
        }
    }
}
