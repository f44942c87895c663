import Foundation

/// The digest's one scale for "is it still known": the share of people who know a key point with lucky guesses
/// removed, `(right - expected lucky guesses) / (answers - expected lucky guesses)` over each person's latest
/// answers, where a question with `k` options is guessed right `1/k` of the time. The forgetting curve's projection
/// has no guessing floor either, so "now" and "projected" are read on the same scale.
public struct KnowItFigure: Sendable, Equatable, Codable {
    /// Nil when fewer than 3 people answered.
    public var share: Double?
    public var people: Int
    /// `41%`, or `n<3`.
    public var text: String

    public init(share: Double?, people: Int) {
        self.share = share
        self.people = people
        self.text = share.map { "\(Int(($0 * 100).rounded()))%" } ?? Proportion.tooFewText
    }

    /// From latest answers; `guesses` gives each question's guessing floor by `survey/question` (0 when unknown).
    public init(_ answers: [MessageReportInput.QuizAnswer], guesses: [String: Double]) {
        var right = 0, total = 0
        var perQuestion: [String: Int] = [:]
        for answer in answers {
            total += answer.count
            if answer.correct { right += answer.count }
            perQuestion["\(answer.surveyID)/\(answer.questionID)", default: 0] += answer.count
        }
        // Summed in question order, so the figure does not depend on the order the answers came in.
        let lucky = perQuestion.sorted { $0.key < $1.key }.reduce(0.0) { $0 + Double($1.value) * (guesses[$1.key] ?? 0) }
        let people = Set(answers.map(\.personID)).count
        guard people >= Proportion.minimumPeople, Double(total) > lucky else {
            self.init(share: nil, people: people)
            return
        }
        self.init(share: min(1, max(0, (Double(right) - lucky) / (Double(total) - lucky))), people: people)
    }

    /// Each quiz question's guessing floor by `survey/question`: 1/options for one right choice, 0 for multi-choice.
    public static func guesses(_ surveys: [Survey]) -> [String: Double] {
        Dictionary(surveys.flatMap { survey in
            survey.questions.filter(\.isQuiz).map { question in
                ("\(survey.id)/\(question.id)", question.kind == .multiChoice ? 0 : 1 / Double(max(question.choices.count, 1)))
            }
        }, uniquingKeysWith: { first, _ in first })
    }
}
