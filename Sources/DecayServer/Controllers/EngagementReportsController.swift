import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /api/reports/partners[?as_of=YYYY-MM-DD&category=C&format=json|csv]` and `GET /api/reports/person/{id}[?as_of=...]`:
/// the partners and person reports, the same values `decay report partners|person --json` prints (the partners as CSV too).
struct EngagementReportsController {
    let reports: EngagementReports

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/partners", use: self.partners)
        group.get("reports/person/:id", use: self.person)
    }

    @Sendable func partners(request: Request, context: some RequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let asOf = try InputRules.asOf(query.get("as_of"), now: Date())
        let format = try ReportFormat.parse(query.get("format"))
        let report = try await self.reports.partners(asOf: asOf, category: query.get("category"))
        switch format {
        case .json: return try JSONBody(value: report).response(from: request, context: context)
        case .csv: return ReportFormat.csvResponse(ReportCSV.partners(report), filename: "partners.csv")
        }
    }

    @Sendable func person(request: Request, context: some RequestContext) async throws -> JSONBody<PersonReport> {
        let asOf = try InputRules.asOf(request.uri.queryParameters.get("as_of"), now: Date())
        return JSONBody(value: try await self.reports.person(try context.parameters.require("id"), asOf: asOf))
    }
}
