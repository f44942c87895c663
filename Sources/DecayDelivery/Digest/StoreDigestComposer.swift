import DecayChat
import DecayCore
import DecayStore
import Foundation

/// Digests from the database: the managers `digestManagers()` lists, each digest built by the store and
/// rendered for the manager's chat format. One message-report cache per scheduling pass, so each message is
/// fitted once however many managers see it.
public final class StoreDigestComposer: DigestComposer, @unchecked Sendable {
    private let database: AppDatabase
    private let catalog: ContentCatalog
    private let targets: ScoreTargets?
    private let resamples: Int
    private let reportMetrics: ReportMetrics
    private let lock = NSLock()
    private var reports: MessageReportCache

    /// `resamples`: bootstrap resamples behind each message's intervals; `reportMetrics` times each fit.
    public init(
        database: AppDatabase, catalog: ContentCatalog, targets: ScoreTargets?, resamples: Int = 200, reportMetrics: ReportMetrics = ReportMetrics()
    ) {
        self.database = database
        self.catalog = catalog
        self.targets = targets
        self.resamples = resamples
        self.reportMetrics = reportMetrics
        self.reports = MessageReportCache(resamples: resamples, metrics: reportMetrics)
    }

    public func targets() async throws -> [DigestTarget] {
        self.lock.withLock { self.reports = MessageReportCache(resamples: self.resamples, metrics: self.reportMetrics) }
        return try await self.database.digestManagers().map { DigestTarget(manager: $0.id, timeZone: $0.timeZone, chat: $0.chat) }
    }

    public func payload(for target: DigestTarget, week: ISOWeek, transactionID: String, now: Date) async throws -> ChatPayload {
        guard let chat = target.chat else { throw DigestError.unknownManager(target.manager) }
        let reports = self.lock.withLock { self.reports }
        let digest = try await self.database.digest(
            managerID: target.manager, week: week, now: now, catalog: self.catalog, targets: self.targets, reports: reports
        )
        return ChatRenderer.render(digest, as: chat.format, transactionID: transactionID)
    }
}
