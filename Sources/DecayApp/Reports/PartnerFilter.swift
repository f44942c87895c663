import DecayCore

/// Which partners a partners report covers: the dashboard's filters (category, tier, region, owning manager) and a
/// viewer's scope (the partner ids and reps a manager's digest covers). Empty strings count as no filter.
public struct PartnerFilter: Sendable, Equatable {
    public var category: String?
    public var tier: String?
    public var region: String?
    public var manager: String?
    /// Nil = every partner.
    public var partners: Set<String>?
    /// Nil = every person of those partners; otherwise only these (a partner manager's team).
    public var people: Set<String>?

    public init(
        category: String? = nil, tier: String? = nil, region: String? = nil, manager: String? = nil,
        partners: Set<String>? = nil, people: Set<String>? = nil
    ) {
        self.category = Self.clean(category)
        self.tier = Self.clean(tier)
        self.region = Self.clean(region)
        self.manager = Self.clean(manager)
        self.partners = partners
        self.people = people
    }

    public func includes(_ partner: Partner) -> Bool {
        (self.category.map { $0 == partner.category } ?? true) && (self.tier.map { $0 == partner.tier } ?? true)
            && (self.region.map { $0 == partner.region } ?? true) && (self.manager.map { $0 == partner.manager } ?? true)
            && (self.partners.map { $0.contains(partner.id) } ?? true)
    }

    /// The snapshot narrowed to the partners (and people) this filter lets through.
    public func apply(to snapshot: EngagementSnapshot) -> EngagementSnapshot {
        let partners = snapshot.partners.filter(self.includes)
        let ids = Set(partners.map(\.id))
        let people = snapshot.people.filter { person in
            guard let partner = person.partner, ids.contains(partner) else { return false }
            return self.people.map { $0.contains(person.id) } ?? true
        }
        return EngagementSnapshot(asOf: snapshot.asOf, partners: partners, people: people)
    }

    /// The same text for equal filters (sets in sorted order), for cache keys.
    var key: String {
        [self.category, self.tier, self.region, self.manager, self.partners.map { $0.sorted().joined(separator: ",") },
         self.people.map { $0.sorted().joined(separator: ",") }].map { $0 ?? "*" }.joined(separator: "\u{1}")
    }

    private static func clean(_ text: String?) -> String? {
        text.flatMap { $0.isEmpty ? nil : $0 }
    }
}
