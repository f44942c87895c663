import DecayCore
import DecayStore
import Foundation

/// The partners report (engagement per partner, ranks, Gini, scorecard) and the person report.
public struct EngagementReports: Sendable {
    public let store: any ReportRepository

    public init(store: any ReportRepository) {
        self.store = store
    }

    /// As of the end of `asOf` (now when nil), optionally one category; `targets` nil = the stored targets.
    public func partners(asOf: Date, category: String?, targets: ScoreTargets? = nil) async throws -> PartnersReport {
        let category = category.flatMap { $0.isEmpty ? nil : $0 }
        let snapshot = try await self.store.engagementSnapshot(asOf: asOf, scope: category.map(EngagementScope.category) ?? .everyone)
        return PartnersReport(snapshot: snapshot, category: category, targets: targets)
    }

    /// What reached one person, what they acked and answered; unknown person: not found.
    public func person(_ id: String, asOf: Date) async throws -> PersonReport {
        guard let activity = try await self.store.personActivity(id, asOf: asOf) else {
            throw UseCaseError(.notFound, "unknown person '\(id)'", field: "person")
        }
        return PersonReport(activity: activity)
    }
}
