import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /api/reports/pulse[?as_of=YYYY-MM-DD&format=json|csv]`: the pulse report, the same values `decay report pulse
/// --json` prints, or as CSV in long format (one row per question, group and figure).
struct PulseReportController {
    let reports: PulseReports

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/pulse", use: self.report)
    }

    @Sendable func report(request: Request, context: some RequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let asOf = try InputRules.asOf(query.get("as_of"), now: Date())
        let format = try ReportFormat.parse(query.get("format"))
        let report = try await self.reports.report(asOf: asOf)
        switch format {
        case .json: return try JSONBody(value: report).response(from: request, context: context)
        case .csv: return ReportFormat.csvResponse(ReportCSV.pulse(report), filename: "pulse-\(report.quarter).csv")
        }
    }
}
