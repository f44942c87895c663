/// Whom a manager's digest is about. A channel manager sees the partners they own (`partner.manager`); a partner
/// manager sees their own partner and the reps who report to them, directly or through team leads, at that partner.
public struct DigestScope: Sendable, Equatable {
    public var manager: Person
    /// Partner ids, sorted.
    public var partners: [String]
    /// Reps whose figures the digest shows.
    public var reps: Set<String>
    /// People whose relays count: the manager and the partner managers in scope.
    public var relayers: Set<String>

    /// Throws `DigestError.notAManager` for a rep and `.nothingToReport` when the scope holds no rep and no partner.
    public init(manager: Person, partners: [Partner], people: [Person]) throws {
        self.manager = manager
        switch manager.role {
        case .rep:
            throw DigestError.notAManager(id: manager.id, role: manager.role)
        case .channelManager:
            let owned = Set(partners.filter { $0.manager == manager.id }.map(\.id))
            let members = people.filter { $0.partner.map(owned.contains) ?? false }
            self.partners = owned.sorted()
            self.reps = Set(members.filter { $0.role == .rep }.map(\.id))
            self.relayers = Set(members.filter { $0.role == .partnerManager }.map(\.id)).union([manager.id])
            if owned.isEmpty { throw DigestError.nothingToReport(id: manager.id, role: manager.role) }
        case .partnerManager:
            let team = Self.reportees(of: manager, in: people)
            self.partners = manager.partner.map { [$0] } ?? []
            self.reps = Set(team.filter { $0.role == .rep }.map(\.id))
            self.relayers = Set(team.filter { $0.role == .partnerManager }.map(\.id)).union([manager.id])
            if self.reps.isEmpty { throw DigestError.nothingToReport(id: manager.id, role: manager.role) }
        }
    }

    /// Everyone at the manager's partner whose reporting line reaches the manager, breadth first.
    static func reportees(of manager: Person, in people: [Person]) -> [Person] {
        let colleagues = people.filter { $0.partner != nil && $0.partner == manager.partner && $0.id != manager.id }
        let byBoss = Dictionary(grouping: colleagues, by: { $0.reportsTo ?? "" })
        var found: [Person] = []
        var seen: Set<String> = [manager.id]
        var queue = [manager.id]
        while !queue.isEmpty {
            let boss = queue.removeFirst()
            for person in byBoss[boss] ?? [] where seen.insert(person.id).inserted {
                found.append(person)
                queue.append(person.id)
            }
        }
        return found
    }
}
