/// The fidelity scorers of a catalog's free-text questions that check a message's key points, compiled once when
/// the catalog is built: compiling (stemming every phrase) costs far more than scoring one answer, and ingest
/// scores every free-text answer as it arrives.
public struct FreeTextScoring: Sendable {
    /// By survey id, then question id.
    private let scorers: [String: [String: FidelityScorer]]

    init(messages: [String: Message], surveys: [String: Survey]) {
        var scorers: [String: [String: FidelityScorer]] = [:]
        for survey in surveys.values {
            guard let message = survey.message.flatMap({ messages[$0] }) else { continue }
            for question in survey.questions where question.kind == .freeText && !question.keyPoints.isEmpty {
                let points = message.keyPoints.filter { question.keyPoints.contains($0.id) }
                scorers[survey.id, default: [:]][question.id] = FidelityScorer(keyPoints: points)
            }
        }
        self.scorers = scorers
    }

    /// The status of each checked key point in one free-text answer, or nil when the question is not scored.
    public func points(survey: String, question: String, text: String) -> [PointScore]? {
        self.scorers[survey]?[question]?.pointScores(text)
    }

    /// The scored free-text answers among `answers`, by question id.
    public func points(survey: String, answers: [GradedAnswer]) -> [String: [PointScore]] {
        var scored: [String: [PointScore]] = [:]
        for answer in answers where answer.kind == .freeText {
            if let text = answer.text, let points = self.points(survey: survey, question: answer.questionID, text: text) {
                scored[answer.questionID] = points
            }
        }
        return scored
    }
}
