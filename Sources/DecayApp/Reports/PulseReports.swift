import DecayCore
import DecayStore
import Foundation

/// The pulse report: the pulse surveys' scale and choice questions per category, tier and partner, this quarter
/// against the previous one.
public struct PulseReports: Sendable {
    public let store: any ReportRepository
    public let catalog: ContentCatalog

    public init(store: any ReportRepository, catalog: ContentCatalog) {
        self.store = store
        self.catalog = catalog
    }

    /// As of the end of `asOf`: the quarter it falls in and the one before.
    public func report(asOf: Date) async throws -> PulseReport {
        let surveys = self.catalog.surveys.values.filter { $0.message == nil }
        let from = CalendarQuarter(containing: asOf).previous.start
        let answers = try await self.store.pulseAnswers(surveys: surveys.map(\.id).sorted(), from: from, through: asOf)
        return PulseReport(surveys: Array(surveys), answers: answers, asOf: asOf)
    }
}
