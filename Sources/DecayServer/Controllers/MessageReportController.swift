import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /api/reports/message/{id}[?resamples=N][&relays_limit=N|all][&relays_offset=N][&format=json|csv]`: the message
/// report, as `decay report message ID --json` prints it, with a page of its relays (the 20 worst by default); with
/// `format=csv`, every relay with its verdict per key point as `text/csv`. Every parameter is checked whatever the format.
struct MessageReportController {
    let reports: MessageReports

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/message/:id", use: self.report)
    }

    @Sendable func report(request: Request, context: some RequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let id: String = try context.parameters.require("id")
        let resamples = try InputRules.count(
            query.get("resamples"), field: "resamples", in: InputRules.resamples, default: InputRules.defaultResamples)
        let page = try InputRules.relayPage(limit: query.get("relays_limit"), offset: query.get("relays_offset"))
        switch try ReportFormat.parse(query.get("format")) {
        case .json:
            let report = try await self.reports.report(message: id, resamples: resamples, relays: page)
            return try JSONBody(value: report).response(from: request, context: context)
        case .csv:
            return ReportFormat.csvResponse(try await self.reports.relaysCSV(message: id), filename: "\(id)-relays.csv")
        }
    }
}
