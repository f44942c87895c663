import DecayInbound
import DecayStore
import Foundation
import Hummingbird

/// `GET /api/links?person=ID&survey=ID[&days=N]`: a signed quick-survey link for one person.
struct LinksController {
    let pipeline: InboundPipeline
    let publicURL: String

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("links", use: self.link)
    }

    struct Link: ResponseEncodable {
        var url: String
        var person: String
        var survey: String
        var expires_in_days: Int
    }

    @Sendable func link(request: Request, context: some RequestContext) async throws -> Link {
        let query = request.uri.queryParameters
        guard let person = query.get("person") else { throw AppError.badRequest("person is required", field: "person") }
        guard let survey = query.get("survey") else { throw AppError.badRequest("survey is required", field: "survey") }
        guard self.pipeline.catalog.surveys[survey] != nil else {
            throw AppError(.unprocessableContent, code: "unprocessable", message: "unknown survey '\(survey)'", field: "survey")
        }
        guard try await self.pipeline.database.person(person) != nil else {
            throw AppError(.unprocessableContent, code: "unprocessable", message: "unknown person '\(person)'", field: "person")
        }
        var days = 30
        if let text = query.get("days") {
            guard let value = Int(text), (1...365).contains(value) else {
                throw AppError.badRequest("days must be a whole number from 1 to 365", field: "days")
            }
            days = value
        }
        let url = self.pipeline.surveyLink(person: person, survey: survey, baseURL: self.publicURL, now: Date(), days: days)
        return Link(url: url, person: person, survey: survey, expires_in_days: days)
    }
}
