import DecayApp
import DecayCore
import DecayStore
import Foundation
import GRDB
import Testing

@Suite("Directory storage")
struct DirectoryStoreTests {
    static func partnersCSV(count: Int) -> String {
        (["id,name,category,tier,region,manager"] + (0..<count).map { "p\($0),Partner \($0),msp,gold,emea,cm-1" }).joined(separator: "\n")
    }

    static func peopleCSV(count: Int, partners: Int) -> String {
        var lines = ["id,name,email,partner,role,reports_to,timezone", "cm-1,Anna,anna@v.example.com,,channel_manager,,Europe/Berlin"]
        for index in 0..<partners {
            lines.append("pm-\(index),PM \(index),pm\(index)@p.example.com,p\(index),partner_manager,cm-1,UTC")
        }
        for index in 0..<(count - partners - 1) {
            let partner = index % partners
            lines.append("rep-\(index),Rep \(index),rep\(index)@p.example.com,p\(partner),rep,pm-\(partner),UTC")
        }
        return lines.joined(separator: "\n")
    }

    @Test func tenThousandPeopleImportInOneTransaction() async throws {
        let database = try await TestDatabase.open()
        #expect(try await DirectoryImports(store: database).run(.partners, text: Self.partnersCSV(count: 200), format: .csv, source: .cli) == ImportSummary(inserted: 200, updated: 0))
        let observer = TransactionCounter()
        database.writer.add(transactionObserver: observer, extent: .observerLifetime)
        let summary = try await DirectoryImports(store: database).run(.people, text: Self.peopleCSV(count: 10_000, partners: 200), format: .csv, source: .cli)
        #expect(summary == ImportSummary(inserted: 10_000, updated: 0))
        #expect(observer.commits == 1)
        #expect(try await database.directoryCounts().people == 10_000)

        let again = try await DirectoryImports(store: database).run(.people, text: Self.peopleCSV(count: 10_000, partners: 200), format: .csv, source: .cli)
        #expect(again == ImportSummary(inserted: 0, updated: 10_000))
    }

    @Test func aFileWithBadRowsChangesNothing() async throws {
        let database = try await TestDatabase.open()
        _ = try await DirectoryImports(store: database).run(.partners, text: Self.partnersCSV(count: 3), format: .csv, source: .cli)
        _ = try await DirectoryImports(store: database).run(.people, text: Self.peopleCSV(count: 10, partners: 3), format: .csv, source: .cli)
        let before = try await database.people()

        let bad = """
            id,name,partner,role,reports_to
            rep-0,Renamed,p0,rep,pm-0
            rep-new,New,p9,rep,pm-0
            rep-1,Renamed,p1,boss,pm-1
            """
        await #expect(throws: UseCaseError.self) {
            try await DirectoryImports(store: database).run(.people, text: bad, format: .csv, source: .cli)
        }
        do {
            _ = try await DirectoryImports(store: database).run(.people, text: bad, format: .csv, source: .cli)
        } catch let error as UseCaseError {
            #expect(error.field == "row 3 partner")
            #expect(error.details.count == 2)
            #expect(error.details.last?.contains("row 4") == true)
        }
        #expect(try await database.people() == before)
    }

    @Test func cyclesAgainstStoredPeopleAreRejected() async throws {
        let database = try await TestDatabase.open()
        _ = try await DirectoryImports(store: database).run(.partners, text: Self.partnersCSV(count: 1), format: .csv, source: .cli)
        _ = try await DirectoryImports(store: database).run(.people, text: "id,name,partner,role,reports_to\na,A,p0,partner_manager,\nb,B,p0,rep,a\n", format: .csv, source: .cli)
        await #expect(throws: UseCaseError.self) {
            try await DirectoryImports(store: database).run(.people, text: "id,name,partner,role,reports_to\na,A,p0,partner_manager,b\n", format: .csv, source: .cli)
        }
        #expect(try await database.person("a")?.reportsTo == nil)
    }

    @Test func peopleNeedTheirPartnerImportedFirst() async throws {
        let database = try await TestDatabase.open()
        await #expect(throws: UseCaseError.self) {
            try await DirectoryImports(store: database).run(.people, text: "id,name,partner,role\nr,R,nowhere,rep\n", format: .csv, source: .cli)
        }
        #expect(try await database.directoryCounts().people == 0)
    }

    @Test func shippedExamplesImport() async throws {
        let database = try await TestDatabase.open()
        let examples = TestDatabase.repoRoot.appendingPathComponent("examples")
        let partners = try String(contentsOf: examples.appendingPathComponent("partners.csv"), encoding: .utf8)
        let people = try String(contentsOf: examples.appendingPathComponent("people.csv"), encoding: .utf8)
        let json = try String(contentsOf: examples.appendingPathComponent("partners.json"), encoding: .utf8)
        #expect(try await DirectoryImports(store: database).run(.partners, text: partners, format: .csv, source: .cli).inserted == 8)
        #expect(try await DirectoryImports(store: database).run(.partners, text: json, format: .json, source: .cli).updated == 8)
        #expect(try await DirectoryImports(store: database).run(.people, text: people, format: .csv, source: .cli).inserted == 30)
    }
}

/// Counts committed transactions, to prove an import is a single one.
final class TransactionCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var commits: Int { self.lock.withLock { self.count } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { self.lock.withLock { self.count += 1 } }
    func databaseDidRollback(_ db: Database) {}
}
