import DecayCore
import DecayStore
import Foundation

extension EngagementReports {
    /// Weeks of history on the partner page.
    public static let historyWeeks = 8

    /// One partner's line (figures over its reps in `scope`), each rep's counts, and the totals at the end of each of
    /// the last eight weeks: what the reps received, acknowledged and answered, over time. Out of scope = not found,
    /// so a scoped viewer learns nothing about partners that are not theirs.
    /// `asOf` counts to the whole minute, so the eight weekly reads are shared by the views within it. The line is the
    /// partner's line in the partners report the viewer sees, so its rank is the one the ranking shows.
    public func partner(_ id: String, asOf: Date, scope: PartnerFilter = PartnerFilter()) async throws -> PartnerHistory {
        let minute = Date(timeIntervalSince1970: (asOf.timeIntervalSince1970 / 60).rounded(.down) * 60)
        var history = try await self.histories.value(key: "\(minute.timeIntervalSince1970)\u{0}\(id)\u{0}\(scope.key)", stamp: self.store.changeStamp) {
            try await self.history(id, asOf: minute, scope: scope)
        }
        if let ranked = try await self.partners(asOf: asOf, filter: PartnerFilter(), scope: scope).report.partners.first(where: { $0.id == id }) {
            history.line = ranked
        }
        return history
    }

    private func history(_ id: String, asOf: Date, scope: PartnerFilter) async throws -> PartnerHistory {
        var scope = scope
        scope.partners = scope.partners.map { $0.intersection([id]) } ?? [id]
        let snapshot = scope.apply(to: try await self.store.engagementSnapshot(asOf: asOf, scope: .partner(id)))
        guard let partner = snapshot.partners.first else {
            throw UseCaseError(.notFound, "unknown partner '\(id)'", field: "partner")
        }
        let report = PartnersReport(snapshot: snapshot, targets: try await self.store.scoreTargets())
        var weeks: [PartnerHistory.Week] = []
        for back in 0..<Self.historyWeeks {
            let end = asOf.addingTimeInterval(-Double(back) * 7 * 86_400)
            let past = scope.apply(to: try await self.store.engagementSnapshot(asOf: end, scope: .partner(id)))
            let reps = past.people.filter { $0.role == .rep }.map(\.inputs)
            weeks.append(PartnerHistory.Week(
                end: end, delivered: reps.reduce(0) { $0 + $1.delivered }, acked: reps.reduce(0) { $0 + $1.acked },
                responded: reps.reduce(0) { $0 + $1.responded }))
        }
        let names = Dictionary(uniqueKeysWithValues: try await self.store.people(partner: id).map { ($0.id, $0.name) })
        return PartnerHistory(
            partner: partner, line: report.partners.first,
            reps: snapshot.people.filter { $0.role == .rep }.map(\.inputs), names: names, weeks: weeks.reversed())
    }
}

/// A partner's figures, its reps' counts and its weekly totals (cumulative up to each week's end).
public struct PartnerHistory: Sendable {
    public struct Week: Sendable, Equatable {
        public var end: Date
        public var delivered: Int
        public var acked: Int
        public var responded: Int
    }

    public var partner: Partner
    public var line: PartnersReport.Line?
    public var reps: [EngagementInputs]
    /// The reps' names by id, as the directory has them now.
    public var names: [String: String]
    public var weeks: [Week]
}
