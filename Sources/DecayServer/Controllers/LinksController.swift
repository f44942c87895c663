import DecayApp
import Foundation
import Hummingbird

/// `GET /api/links?person=ID&survey=ID[&days=N]`: a signed quick-survey link for one person.
struct LinksController {
    let links: SurveyLinks

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("links", use: self.link)
    }

    @Sendable func link(request: Request, context: some RequestContext) async throws -> JSONBody<SurveyLink> {
        let query = request.uri.queryParameters
        guard let person = query.get("person") else { throw AppError.badRequest("person is required", field: "person") }
        guard let survey = query.get("survey") else { throw AppError.badRequest("survey is required", field: "survey") }
        let days = try InputRules.count(query.get("days"), field: "days", in: SurveyLinks.days, default: SurveyLinks.defaultDays)
        return JSONBody(value: try await self.links.personLink(person: person, survey: survey, days: days, now: Date()))
    }
}
