import DecayCore

extension DigestRecipient {
    /// Managers who get a weekly digest, sorted by id: channel managers who own partners and partner managers with
    /// reps under them (the ``DigestScope`` rules), each with their own chat destination. A digest names quiet reps,
    /// so it never falls back to the partner's channel, where those reps would read it.
    public static func all(people: [Person], partners: [Partner]) -> [DigestRecipient] {
        let byPartner = Dictionary(grouping: people.filter { $0.partner != nil }, by: { $0.partner ?? "" })
        return people.sorted { $0.id < $1.id }.compactMap { person -> DigestRecipient? in
            let colleagues = person.role == .partnerManager ? byPartner[person.partner ?? ""] ?? [] : people
            guard person.role != .rep, (try? DigestScope(manager: person, partners: partners, people: colleagues)) != nil else { return nil }
            return DigestRecipient(id: person.id, name: person.name, role: person.role, timezone: person.timezone, chat: person.chat)
        }
    }
}
