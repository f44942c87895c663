import DecayCore
import DecayStore
import Foundation

/// The partners report (engagement per partner, ranks, Gini, scorecard) and the person report.
public struct EngagementReports: Sendable {
    public let store: any ReportRepository
    /// Whole-channel snapshots for the dashboard, kept per minute until the data changes.
    public let snapshots: ReportResultCache<EngagementSnapshot>
    /// Filtered reports built from them, per minute, filter and scope.
    public let filtered: ReportResultCache<FilteredPartners>
    /// One partner's weekly history, per minute and scope.
    public let histories: ReportResultCache<PartnerHistory> = ReportResultCache(capacity: 64)
    /// The scorecard's targets when given (`DECAY_TARGETS`, as the digests use them); nil = the stored targets.
    public let targets: ScoreTargets?

    public init(
        store: any ReportRepository, targets: ScoreTargets? = nil, snapshots: ReportResultCache<EngagementSnapshot> = ReportResultCache(capacity: 8),
        filtered: ReportResultCache<FilteredPartners> = ReportResultCache(capacity: 64)
    ) {
        self.store = store
        self.targets = targets
        self.snapshots = snapshots
        self.filtered = filtered
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

extension EngagementReports {
    /// The partners report over the partners `filter` lets through (ranks and Gini among those only), with the stored
    /// scorecard targets; and the filter's choices (categories, tiers, regions, managers) among what `scope` may see.
    /// Built on ``channelSnapshot(asOf:now:)``, so pages opened "now" share one read of the channel and may show figures
    /// one refresh old while the data changes.
    public func partners(asOf: Date, filter: PartnerFilter, scope: PartnerFilter = PartnerFilter()) async throws -> FilteredPartners {
        let snapshot = try await self.channelSnapshot(asOf: asOf)
        let key = "\(snapshot.asOf.timeIntervalSince1970)\u{0}\(filter.key)\u{0}\(scope.key)"
        return try await self.filtered.value(key: key, stamp: self.store.changeStamp, servingStale: true) { [store, targets = self.targets] in
            let targets = if let targets { targets } else { try await store.scoreTargets() }
            return await OffPool.run { Self.filtered(snapshot, filter: filter, scope: scope, targets: targets) }
        }
    }

    /// The report over what `scope` and then `filter` let through, and the filters' choices among what `scope` may see.
    static func filtered(_ everyone: EngagementSnapshot, filter: PartnerFilter, scope: PartnerFilter, targets: ScoreTargets?) -> FilteredPartners {
        let snapshot = scope.apply(to: everyone)
        let report = PartnersReport(snapshot: filter.apply(to: snapshot), category: filter.category, targets: targets)
        let visible = snapshot.partners
        return FilteredPartners(
            report: report, categories: Self.choices(visible.map(\.category)), tiers: Self.choices(visible.map(\.tier)),
            regions: Self.choices(visible.map(\.region)), managers: Self.choices(visible.compactMap(\.manager)))
    }

    /// Everyone's engagement inputs as of `asOf`. A snapshot of now, or of whole days before now (to the minute), is
    /// live: shared for a minute while the data is unchanged, and while answers arrive callers get the last one at once
    /// while one refresh runs (a page must not wait seconds for every new answer). Any other instant is read to its minute.
    public func channelSnapshot(asOf: Date, now: Date = Date()) async throws -> EngagementSnapshot {
        let lag = now.timeIntervalSince(asOf)
        let days = (lag / 86_400).rounded()
        if abs(lag - days * 86_400) < 60 {
            return try await self.snapshots.value(key: "live\u{0}\(Int(days))", stamp: self.store.changeStamp, freshFor: 60, servingStale: true) { [store] in
                try await store.engagementSnapshot(asOf: Date().addingTimeInterval(-days * 86_400), scope: .everyone)
            }
        }
        let minute = Date(timeIntervalSince1970: (asOf.timeIntervalSince1970 / 60).rounded(.down) * 60)
        return try await self.snapshots.value(key: "\(minute.timeIntervalSince1970)", stamp: self.store.changeStamp) { [store] in
            try await store.engagementSnapshot(asOf: minute, scope: .everyone)
        }
    }

    private static func choices(_ values: [String]) -> [String] {
        Set(values.filter { !$0.isEmpty }).sorted()
    }
}

/// A filtered partners report and the values each filter can take.
public struct FilteredPartners: Sendable {
    public var report: PartnersReport
    public var categories: [String]
    public var tiers: [String]
    public var regions: [String]
    public var managers: [String]
}
