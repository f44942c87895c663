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
    /// Fits kept until the data changes, shared by the API, the dashboard and anything else holding this value.
    public let cache: ReportResultCache<MessageReport>

    public init(
        store: any ReportRepository, catalog: ContentCatalog, metrics: ReportMetrics = ReportMetrics(),
        cache: ReportResultCache<MessageReport> = ReportResultCache()
    ) {
        self.store = store
        self.catalog = catalog
        self.metrics = metrics
        self.cache = cache
    }

    /// `resamples` nil = the default; out of ``InputRules/resamples`` throws. `relays` picks the page of relays
    /// listed, worst first. `servingStale` (the dashboard) takes the last fit at once while a new answer is being
    /// fitted in the background. Unknown message: not found.
    public func report(message id: String, resamples: Int?, relays: RelayPage = .worst, servingStale: Bool = false) async throws -> MessageReport {
        let resamples = try InputRules.resamples(resamples)
        let message = try self.message(id)
        let key = "\(message.id)\u{0}\(message.version)\u{0}\(resamples)\u{0}\(relays.offset)\u{0}\(relays.limit ?? -1)"
        return try await self.cache.value(key: key, stamp: self.store.changeStamp, servingStale: servingStale) { [store, catalog, metrics] in
            try await FreeTextBackfill(store: store, catalog: catalog).run()
            let surveys = catalog.surveys(forMessage: message.id)
            let input = try await store.messageReportInput(message: message, surveys: surveys, asOf: nil, freeTexts: false)
            let builder = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: resamples, seed: 1), relayPage: relays)
            return await OffPool.run { metrics.timeFit(message: message.id) { builder.build(message: message, surveys: surveys, input: input) } }
        }
    }

    /// Every relay of the message as CSV (``RelayVerdictsCSV``), worst first, with each key point's verdict; scores
    /// the relays only, without fitting the forgetting curve.
    public func relaysCSV(message id: String) async throws -> String {
        let message = try self.message(id)
        let surveys = self.catalog.surveys(forMessage: message.id)
        let input = try await self.store.messageReportInput(message: message, surveys: surveys, asOf: nil, freeTexts: false)
        return await OffPool.run {
            let scorer = FidelityScorer(message: message)
            let fidelities = MessageReportBuilder.relayFidelities(input.relays, with: scorer)
            let relays = MessageReportBuilder.relayReports(input.relays, fidelities: fidelities, page: .all, with: scorer)
            return RelayVerdictsCSV.render(keyPoints: message.keyPoints.map(\.id), relays: relays)
        }
    }

    private func message(_ id: String) throws -> Message {
        guard let message = self.catalog.messages[id] else {
            let known = self.catalog.sortedMessages.map(\.id).joined(separator: ", ")
            throw UseCaseError(.notFound, "unknown message '\(id)' (known: \(known))", field: "message")
        }
        return message
    }
}
