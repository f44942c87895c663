import DecayApp
import DecayCore
import DecayStore
import Foundation
import Testing

/// Every directory import lands in the import log: a kept one with its counts, written by the import's own
/// transaction; a refused one with the reason, and no trace of the rows it would have written.
@Suite("Import log")
struct ImportLogTests {
    @Test func keptImportsAreLoggedWithTheirCountsNewestFirst() async throws {
        let database = try await TestDatabase.open()
        let imports = DirectoryImports(store: database)
        _ = try await imports.run(.partners, text: DirectoryStoreTests.partnersCSV(count: 3), format: .csv, source: .cli)
        _ = try await imports.run(.partners, text: DirectoryStoreTests.partnersCSV(count: 5), format: .csv, source: .api)
        _ = try await imports.run(.people, text: DirectoryStoreTests.peopleCSV(count: 10, partners: 3), format: .csv, source: .api)

        let log = try await imports.recent()
        #expect(log.map(\.kind) == ["people", "partners", "partners"])
        #expect(log.map(\.source) == [.api, .api, .cli])
        #expect(log.map(\.inserted) == [10, 2, 3])
        #expect(log.map(\.updated) == [0, 3, 0])
        #expect(log.allSatisfy { $0.refused == nil })
        #expect(try await imports.recent(limit: 1).count == 1)
    }

    @Test func aRefusedImportIsLoggedWithTheRowAndFieldAtFault() async throws {
        let database = try await TestDatabase.open()
        let imports = DirectoryImports(store: database)
        _ = try await imports.run(.partners, text: DirectoryStoreTests.partnersCSV(count: 1), format: .csv, source: .cli)
        // Refused inside the transaction that would write the people (the partner is checked against the stored directory).
        await #expect(throws: UseCaseError.self) {
            try await imports.run(.people, text: "id,name,partner,role\nr,R,nowhere,rep\n", format: .csv, source: .api)
        }
        // Refused before any transaction.
        await #expect(throws: UseCaseError.self) {
            try await imports.run(.partners, bytes: [], format: .csv, source: .cli)
        }

        let log = try await imports.recent()
        #expect(log.count == 3, "the refused people import left no kept line behind")
        let people = try #require(log.first { $0.kind == "people" })
        #expect(people.source == .api)
        #expect(people.inserted == 0 && people.updated == 0)
        #expect(people.refused?.contains("row 2 partner") == true, "\(people.refused ?? "nil")")
        #expect(people.refused?.contains("nothing was imported") == true)
        let empty = try #require(log.first)
        #expect(empty.kind == "partners")
        #expect(empty.refused == "body: expected a CSV or JSON body")
        #expect(try await database.directoryCounts().people == 0)
    }
}
