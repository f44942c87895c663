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
    /// Upserts checked partners in one transaction, which also writes the import log's line for it.
    public func upsertPartners(_ partners: [Partner], from source: ImportLogEntry.Source) async throws -> ImportSummary {
        try await self.writer.write { db in
            let summary = try Self.upsert(partners, db)
            try Self.insert(ImportLogEntry(kind: "partners", source: source, summary: summary), db)
            return summary
        }
    }

    /// Upserts the people `check` accepts, given the partner ids and people stored now, in the same transaction, so
    /// the checks and the writes see the same directory; a thrown error changes nothing. The import log's line goes
    /// in the same transaction.
    public func upsertPeople(
        from source: ImportLogEntry.Source,
        checkedBy check: @escaping @Sendable (_ partnerIDs: Set<String>, _ existing: [String: Person]) throws -> [Person]
    ) async throws -> ImportSummary {
        try await self.writer.write { db in
            let partnerIDs = Set(try String.fetchAll(db, sql: "SELECT id FROM partner"))
            let existing = Dictionary(uniqueKeysWithValues: try Self.fetchPeople(db).map { ($0.id, $0) })
            let summary = try Self.upsert(try check(partnerIDs, existing), db)
            try Self.insert(ImportLogEntry(kind: "people", source: source, summary: summary), db)
            return summary
        }
    }

    public func partners() async throws -> [Partner] {
        try await self.reader.read { db in
            try PartnerRecord.order(PartnerRecord.Columns.id).fetchAll(db).map(\.partner)
        }
    }

    public func people(partner: String? = nil) async throws -> [Person] {
        try await self.reader.read { db in
            try Self.fetchPeople(db, partner: partner)
        }
    }

    public func person(_ id: String) async throws -> Person? {
        try await self.reader.read { db in
            try PersonRecord.fetchOne(db, key: id)?.person
        }
    }

    /// Upserts by id, counting what was new and what was there.
    static func upsert(_ partners: [Partner], _ db: Database) throws -> ImportSummary {
        let now = Date()
        var summary = ImportSummary(inserted: 0, updated: 0)
        for partner in partners {
            if try PartnerRecord.exists(db, key: partner.id) { summary.updated += 1 } else { summary.inserted += 1 }
            try PartnerRecord(partner, updatedAt: now).upsert(db)
        }
        return summary
    }

    static func upsert(_ people: [Person], _ db: Database) throws -> ImportSummary {
        let now = Date()
        var summary = ImportSummary(inserted: 0, updated: 0)
        for person in people {
            if try PersonRecord.exists(db, key: person.id) { summary.updated += 1 } else { summary.inserted += 1 }
            try PersonRecord(person, updatedAt: now).upsert(db)
        }
        return summary
    }

    static func fetchPeople(_ db: Database, partner: String? = nil) throws -> [Person] {
        var request = PersonRecord.order(PersonRecord.Columns.id)
        if let partner { request = request.filter(PersonRecord.Columns.partnerID == partner) }
        return try request.fetchAll(db).map(\.person)
    }

    static func partner(_ row: Row) throws -> Partner {
        try PartnerRecord(row: row).partner
    }

    static func person(_ row: Row) throws -> Person {
        try PersonRecord(row: row).person
    }
}
