import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// Managers who get a weekly digest, sorted by id: channel managers who own partners and partner managers with
    /// reps under them (the `DigestScope` rules), each with their time zone and their own chat destination. A digest
    /// names quiet reps, so it never falls back to the partner's channel, where those reps would read it.
    public func digestManagers() async throws -> [DigestRecipient] {
        try await self.reader.read { db in
            let people = try Self.fetchPeople(db)
            let partners = try Row.fetchAll(db, sql: "SELECT * FROM partner ORDER BY id").map(Self.partner)
            return Self.digestRecipients(people: people, partners: partners)
        }
    }

    /// A partner manager's scope only involves their partner's people, so each is checked against that group alone.
    static func digestRecipients(people: [Person], partners: [Partner]) -> [DigestRecipient] {
        let byPartner = Dictionary(grouping: people.filter { $0.partner != nil }, by: { $0.partner ?? "" })
        return people.compactMap { person -> DigestRecipient? in
            let colleagues = person.role == .partnerManager ? byPartner[person.partner ?? ""] ?? [] : people
            guard person.role != .rep, (try? DigestScope(manager: person, partners: partners, people: colleagues)) != nil else { return nil }
            return DigestRecipient(
                id: person.id, name: person.name, role: person.role, timezone: person.timezone,
                chat: person.chat)
        }
    }
}
