import DecayStore
import Foundation
import Metrics

/// The outbox's depth per status and the age of its oldest pending post, read from the database when asked
/// (at each scrape of `/metrics`), so the figures are as fresh as the scrape and cost nothing in between.
public struct OutboxGauges: Sendable {
    /// Gauge of posts, labelled `status` (`pending`, `delivered`, `dead`).
    public static let posts = "decay_outbox_posts"
    /// Gauge of seconds since the oldest pending post was queued; 0 when none is pending.
    public static let oldestPendingAge = "decay_outbox_oldest_pending_age_seconds"

    private let byStatus: [OutboxStatus: Gauge]
    private let oldestAge: Gauge

    /// Without a factory the process-wide one is used, which records nothing unless it was bootstrapped.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        var byStatus: [OutboxStatus: Gauge] = [:]
        for status in OutboxStatus.allCases {
            byStatus[status] = Gauge(label: Self.posts, dimensions: [("status", status.rawValue)], factory: factory)
        }
        self.byStatus = byStatus
        self.oldestAge = Gauge(label: Self.oldestPendingAge, factory: factory)
    }

    /// Reads the outbox and sets the gauges.
    public func refresh(from database: AppDatabase, now: Date) async throws {
        let counts = try await database.outboxCounts()
        for (status, gauge) in self.byStatus {
            gauge.record(counts[status] ?? 0)
        }
        let oldest = try await database.oldestPendingOutbox()
        self.oldestAge.record(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }
}
