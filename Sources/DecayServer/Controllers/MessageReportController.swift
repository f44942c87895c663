import DecayCore
import DecayStore
import Hummingbird

/// `GET /api/reports/message/{id}[?resamples=N]`: the message report as JSON.
struct MessageReportController {
    let database: AppDatabase
    let catalog: ContentCatalog
    let metrics: ReportMetrics

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports/message/:id", use: self.report)
    }

    @Sendable func report(request: Request, context: some RequestContext) async throws -> JSONBody<MessageReport> {
        let id = try context.parameters.require("id")
        guard let message = self.catalog.messages[id] else { throw AppError.notFound("message '\(id)'") }
        var resamples = 200
        if let text = request.uri.queryParameters.get("resamples") {
            guard let value = Int(text), (0...2000).contains(value) else {
                throw AppError.badRequest("resamples must be a whole number from 0 to 2000", field: "resamples")
            }
            resamples = value
        }
        let surveys = self.catalog.surveys(forMessage: id)
        let input = try await self.database.messageReportInput(message: message, surveys: surveys)
        let builder = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: resamples, seed: 1))
        let metrics = self.metrics
        return JSONBody(value: await OffPool.run { metrics.timeFit(message: id) { builder.build(message: message, surveys: surveys, input: input) } })
    }
}
