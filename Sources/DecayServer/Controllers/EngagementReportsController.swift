import DecayCore
import DecayStore
import Foundation
import Hummingbird

/// `GET /api/reports/partners[?as_of=YYYY-MM-DD&category=C]` and `GET /api/reports/person/{id}[?as_of=...]`:
/// the partners and person reports as JSON, the same values `decay report partners|person --json` prints.
struct EngagementReportsController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/partners", use: self.partners)
        group.get("reports/person/:id", use: self.person)
    }

    @Sendable func partners(request: Request, context: some RequestContext) async throws -> JSONBody<PartnersReport> {
        let query = request.uri.queryParameters
        let asOf = try Self.asOf(query.get("as_of"))
        let category = query.get("category").flatMap { $0.isEmpty ? nil : $0 }
        let snapshot = try await self.database.engagementSnapshot(
            asOf: asOf, scope: category.map(EngagementScope.category) ?? .everyone)
        return JSONBody(value: PartnersReport(snapshot: snapshot, category: category))
    }

    @Sendable func person(request: Request, context: some RequestContext) async throws -> JSONBody<PersonReport> {
        let id = try context.parameters.require("id")
        let asOf = try Self.asOf(request.uri.queryParameters.get("as_of"))
        guard let activity = try await self.database.personActivity(id, asOf: asOf) else {
            throw AppError.notFound("person '\(id)'")
        }
        return JSONBody(value: PersonReport(activity: activity))
    }

    /// `as_of=YYYY-MM-DD` means through the end of that day (UTC); absent means now.
    static func asOf(_ text: String?) throws -> Date {
        guard let text, !text.isEmpty else { return Date() }
        guard let end = UTCDay.end(of: text) else {
            throw AppError.badRequest("as_of must be a date like 2026-11-20", field: "as_of")
        }
        return end
    }
}
