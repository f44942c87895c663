import DecayApp
import DecayCore
import Hummingbird

/// `GET /api/reports/message/{id}[?resamples=N]`: the message report, as `decay report message ID --json` prints it.
struct MessageReportController {
    let reports: MessageReports

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/message/:id", use: self.report)
    }

    @Sendable func report(request: Request, context: some RequestContext) async throws -> JSONBody<MessageReport> {
        let resamples = try InputRules.count(
            request.uri.queryParameters.get("resamples"), field: "resamples", in: InputRules.resamples, default: InputRules.defaultResamples)
        return JSONBody(value: try await self.reports.report(message: try context.parameters.require("id"), resamples: resamples))
    }
}
