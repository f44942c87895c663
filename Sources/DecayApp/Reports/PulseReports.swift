import DecayCore
import DecayStore
import Foundation

/// The pulse report: the pulse surveys' scale and choice questions per category, tier and partner, this quarter
/// against the previous one.
public struct PulseReports: Sendable {
    public let store: any ReportRepository
    public let catalog: ContentCatalog
    /// Reports kept until the data changes (the report takes seconds on a large channel).
    public let cache: ReportResultCache<PulseReport>

    public init(store: any ReportRepository, catalog: ContentCatalog, cache: ReportResultCache<PulseReport> = ReportResultCache()) {
        self.store = store
        self.catalog = catalog
        self.cache = cache
    }

    /// As of the end of `asOf`: the quarter it falls in and the one before.
    /// A report "as of now" (within a minute) is shared by every caller of the quarter until the data changes; one
    /// for another instant is kept under that instant.
    /// `servingStale` (the dashboard) takes the last report at once while new answers are counted in the background.
    public func report(asOf: Date, now: Date = Date(), servingStale: Bool = false) async throws -> PulseReport {
        let live = abs(now.timeIntervalSince(asOf)) < 60
        let key = live ? "live\u{0}\(CalendarQuarter(containing: asOf).start.timeIntervalSince1970)" : "\(asOf.timeIntervalSince1970)"
        var report = try await self.cache.value(key: key, stamp: self.store.changeStamp, servingStale: servingStale && live) { [store, catalog] in
            let surveys = catalog.surveys.values.filter { $0.message == nil }
            let from = CalendarQuarter(containing: asOf).previous.start
            let answers = try await store.pulseAnswers(surveys: surveys.map(\.id).sorted(), from: from, through: asOf)
            return await OffPool.run { PulseReport(surveys: Array(surveys), answers: answers, asOf: asOf) }
        }
        report.asOf = asOf
        return report
    }
}
