import DecayCore
import DecayStore
import Foundation

/// The message report: one message's key points, who still knows them, how fast they decay, what relays lose.
/// Reads the stored outcomes (backfilling free-text statuses first if an old database lacks them), fits off the
/// cooperative pool, and shares fits through a ``MessageReportCache`` when one is given.
public struct MessageReports: Sendable {
    public let store: any ReportRepository
    public let catalog: ContentCatalog
    /// Times each fit (`decay_report_fit_seconds`).
    public let metrics: ReportMetrics

    public init(store: any ReportRepository, catalog: ContentCatalog, metrics: ReportMetrics = ReportMetrics()) {
        self.store = store
        self.catalog = catalog
        self.metrics = metrics
    }

    /// `resamples` nil = the default; out of ``InputRules/resamples`` throws. Unknown message: not found.
    public func report(message id: String, resamples: Int?) async throws -> MessageReport {
        let resamples = try InputRules.resamples(resamples)
        guard let message = self.catalog.messages[id] else {
            let known = self.catalog.sortedMessages.map(\.id).joined(separator: ", ")
            throw UseCaseError(.notFound, "unknown message '\(id)' (known: \(known))", field: "message")
        }
        try await FreeTextBackfill(store: self.store, catalog: self.catalog).run()
        let surveys = self.catalog.surveys(forMessage: message.id)
        let input = try await self.store.messageReportInput(message: message, surveys: surveys, asOf: nil, freeTexts: false)
        let builder = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: resamples, seed: 1))
        let metrics = self.metrics
        return await OffPool.run { metrics.timeFit(message: message.id) { builder.build(message: message, surveys: surveys, input: input) } }
    }
}
