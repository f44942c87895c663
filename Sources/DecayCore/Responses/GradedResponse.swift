/// A survey response checked against its survey and graded, free texts scored against their key points. Pure, so
/// ingest runs it on the request's own task and the single database writer only stores the result.
public struct GradedResponse: Sendable {
    public let survey: Survey
    public let answers: [GradedAnswer]
    /// Each scored free-text answer's status per key point, by question id.
    public let freeTextPoints: [String: [PointScore]]

    /// Fails with 422-kind errors naming the field: an unknown survey or question, no answers, or an answer that
    /// does not fit its question.
    public static func grade(_ response: SurveyResponseEvent, catalog: ContentCatalog) -> Result<GradedResponse, InboundError> {
        guard let survey = catalog.surveys[response.survey] else {
            return .failure(InboundError(.unprocessable, "unknown survey '\(response.survey)'", field: "survey"))
        }
        if response.answers.isEmpty {
            return .failure(InboundError(.unprocessable, "no answers", field: "answers"))
        }
        var graded: [GradedAnswer] = []
        for (questionID, value) in response.answers.sorted(by: { $0.key < $1.key }) {
            guard let question = survey.question(questionID) else {
                let known = survey.questions.map(\.id).joined(separator: ", ")
                return .failure(InboundError(
                    .unprocessable, "unknown question '\(questionID)' in survey '\(survey.id)' (known: \(known))", field: "answers.\(questionID)"
                ))
            }
            do {
                graded.append(try Grading.grade(value, for: question))
            } catch {
                return .failure(InboundError(.unprocessable, error.message, field: error.field))
            }
        }
        return .success(GradedResponse(
            survey: survey, answers: graded, freeTextPoints: catalog.freeTextScoring.points(survey: survey.id, answers: graded)
        ))
    }
}
