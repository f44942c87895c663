import DecayCore
import Foundation
import GRDB

/// How many rows an import created and how many it updated.
public struct ImportSummary: Sendable, Equatable, Codable {
    public var inserted: Int
    public var updated: Int

    public init(inserted: Int, updated: Int) {
        self.inserted = inserted
        self.updated = updated
    }
}

extension AppDatabase {
    /// Upserts checked partners in one transaction.
    public func upsertPartners(_ partners: [Partner]) async throws -> ImportSummary {
        try await self.writer.write { db in
            try Self.upsert(partners, db)
        }
    }

    /// Upserts the people `check` accepts, given the partner ids and people stored now, in the same transaction, so
    /// the checks and the writes see the same directory; a thrown error changes nothing.
    public func upsertPeople(
        checkedBy check: @escaping @Sendable (_ partnerIDs: Set<String>, _ existing: [String: Person]) throws -> [Person]
    ) async throws -> ImportSummary {
        try await self.writer.write { db in
            let partnerIDs = Set(try String.fetchAll(db, sql: "SELECT id FROM partner"))
            let existing = Dictionary(uniqueKeysWithValues: try Self.fetchPeople(db).map { ($0.id, $0) })
            return try Self.upsert(try check(partnerIDs, existing), db)
        }
    }

    public func partners() async throws -> [Partner] {
        try await self.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM partner ORDER BY id").map(Self.partner)
        }
    }

    public func people(partner: String? = nil) async throws -> [Person] {
        try await self.reader.read { db in
            try Self.fetchPeople(db, partner: partner)
        }
    }

    public func person(_ id: String) async throws -> Person? {
        try await self.reader.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]).map(Self.person)
        }
    }

    static func upsert(_ partners: [Partner], _ db: Database) throws -> ImportSummary {
        let now = Date().timeIntervalSince1970
        var summary = ImportSummary(inserted: 0, updated: 0)
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM partner WHERE id = ?")
        let statement = try db.cachedStatement(sql: """
            INSERT INTO partner (id, name, category, tier, region, manager, chat_format, chat_url, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = excluded.category, tier = excluded.tier,
                region = excluded.region, manager = excluded.manager, chat_format = excluded.chat_format,
                chat_url = excluded.chat_url, updated_at = excluded.updated_at
            """)
        for partner in partners {
            if try Bool.fetchOne(exists, arguments: [partner.id]) == true { summary.updated += 1 } else { summary.inserted += 1 }
            try statement.execute(arguments: [
                partner.id, partner.name, partner.category, partner.tier, partner.region, partner.manager,
                partner.chat?.format.rawValue, partner.chat?.url, now,
            ])
        }
        return summary
    }

    static func upsert(_ people: [Person], _ db: Database) throws -> ImportSummary {
        let now = Date().timeIntervalSince1970
        var summary = ImportSummary(inserted: 0, updated: 0)
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM person WHERE id = ?")
        let statement = try db.cachedStatement(sql: """
            INSERT INTO person (id, name, email, partner_id, role, reports_to, timezone, chat_handle, chat_format, chat_url, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, partner_id = excluded.partner_id,
                role = excluded.role, reports_to = excluded.reports_to, timezone = excluded.timezone,
                chat_handle = excluded.chat_handle, chat_format = excluded.chat_format, chat_url = excluded.chat_url,
                updated_at = excluded.updated_at
            """)
        for person in people {
            if try Bool.fetchOne(exists, arguments: [person.id]) == true { summary.updated += 1 } else { summary.inserted += 1 }
            try statement.execute(arguments: [
                person.id, person.name, person.email, person.partner, person.role.rawValue, person.reportsTo,
                person.timezone, person.chatHandle, person.chat?.format.rawValue, person.chat?.url, now,
            ])
        }
        return summary
    }

    static func fetchPeople(_ db: Database, partner: String? = nil) throws -> [Person] {
        if let partner {
            return try Row.fetchAll(db, sql: "SELECT * FROM person WHERE partner_id = ? ORDER BY id", arguments: [partner]).map(Self.person)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY id").map(Self.person)
    }

    static func partner(_ row: Row) -> Partner {
        Partner(
            id: row["id"], name: row["name"], category: row["category"], tier: row["tier"], region: row["region"],
            manager: row["manager"], chat: Self.chat(format: row["chat_format"], url: row["chat_url"])
        )
    }

    static func person(_ row: Row) -> Person {
        Person(
            id: row["id"], name: row["name"], email: row["email"], partner: row["partner_id"],
            role: Role(rawValue: row["role"]) ?? .rep, reportsTo: row["reports_to"], timezone: row["timezone"],
            chatHandle: row["chat_handle"], chat: Self.chat(format: row["chat_format"], url: row["chat_url"])
        )
    }

    private static func chat(format: String?, url: String?) -> ChatDestination? {
        guard let format = format.flatMap(ChatFormat.init(rawValue:)), let url else { return nil }
        return ChatDestination(format: format, url: url)
    }
}
