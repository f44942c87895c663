import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /api/reports/pulse[?as_of=YYYY-MM-DD]`: the pulse report, the same values `decay report pulse --json` prints.
struct PulseReportController {
    let reports: PulseReports

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/pulse", use: self.report)
    }

    @Sendable func report(request: Request, context: some RequestContext) async throws -> JSONBody<PulseReport> {
        let asOf = try InputRules.asOf(request.uri.queryParameters.get("as_of"), now: Date())
        return JSONBody(value: try await self.reports.report(asOf: asOf))
    }
}
