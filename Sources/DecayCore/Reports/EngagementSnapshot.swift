import Foundation

/// Everything the partners report reads from the store, as of one instant: the partners and, for each
/// person, their `EngagementInputs`; the store builds it in one read and the report turns it into numbers.
public struct EngagementSnapshot: Sendable, Equatable, Codable {
    /// The cut-off: deliveries, acks and responses after it are ignored.
    public var asOf: Date
    /// Partners in scope, sorted by id.
    public var partners: [Partner]
    /// People in scope (with or without a partner), sorted by id.
    public var people: [EngagementPerson]

    public init(asOf: Date, partners: [Partner], people: [EngagementPerson]) {
        self.asOf = asOf
        self.partners = partners
        self.people = people
    }
}

/// One person's engagement inputs with the directory facts the reports group them by.
public struct EngagementPerson: Sendable, Equatable, Codable {
    public var partner: String?
    public var role: Role
    public var inputs: EngagementInputs

    public init(partner: String?, role: Role, inputs: EngagementInputs) {
        self.partner = partner
        self.role = role
        self.inputs = inputs
    }

    public var id: String { self.inputs.person }
}
