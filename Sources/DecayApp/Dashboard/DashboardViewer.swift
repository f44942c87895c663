import DecayCore
import Foundation

/// Who is looking at the dashboard and what they may see: an admin sees everything; a manager who came through their
/// digest's signed link sees what that digest covers (a channel manager's partners, a partner manager's own reps).
public struct DashboardViewer: Sendable, Codable, Equatable {
    /// The manager's person id; nil for an admin.
    public var manager: String?
    /// Partner ids in scope, sorted; empty for an admin (who is not limited).
    public var partners: [String]
    /// Reps in scope when the scope is narrower than whole partners (a partner manager's team); nil = all their people.
    public var people: [String]?

    public static let admin = DashboardViewer(manager: nil, partners: [], people: nil)

    public init(manager: String?, partners: [String], people: [String]?) {
        self.manager = manager
        self.partners = partners
        self.people = people
    }

    /// The viewer of a manager's digest scope.
    public init(scope: DigestScope) {
        self.manager = scope.manager.id
        self.partners = scope.partners
        self.people = scope.manager.role == .partnerManager ? scope.reps.sorted() : nil
    }

    public var isAdmin: Bool { self.manager == nil }

    /// The partners report filter that keeps to this viewer's partners and people.
    public var scope: PartnerFilter {
        self.isAdmin ? PartnerFilter() : PartnerFilter(partners: Set(self.partners), people: self.people.map(Set.init))
    }

    public func canSee(partner id: String) -> Bool {
        self.isAdmin || self.partners.contains(id)
    }

    /// A person is in scope when their partner is and, for a partner manager, when they are on that manager's team.
    public func canSee(person id: String, partner: String?) -> Bool {
        if self.isAdmin || id == self.manager { return true }
        guard let partner, self.partners.contains(partner) else { return false }
        return self.people.map { $0.contains(id) } ?? true
    }
}

extension EngagementReports {
    /// The person report when `viewer` may see that person; otherwise not found, exactly as for an unknown id.
    public func person(_ id: String, asOf: Date, visibleTo viewer: DashboardViewer) async throws -> PersonReport {
        let report = try await self.person(id, asOf: asOf)
        guard viewer.canSee(person: id, partner: report.person.partner) else {
            throw UseCaseError(.notFound, "unknown person '\(id)'", field: "person")
        }
        return report
    }
}
