import DecayApp
import DecayCore
@testable import DecayStore
import Foundation
import GRDB
import Testing

@Suite("Demo storage")
struct DemoStoreTests {
    @Test func demoIsSavedOnceAndIdempotent() async throws {
        let catalog = try TestDatabase.catalog()
        let path = try TestDatabase.path()
        let database = try await AppDatabase.open(path: path)
        try await ContentSync(store: database, catalog: catalog).run()
        let channel = DemoGenerator(seed: 5, asOf: Date(timeIntervalSince1970: 1_795_132_800)).generate(catalog: catalog)
        try await database.saveDemo(channel)
        let first = try await database.directoryCounts()
        #expect(first.partners == 40)
        #expect(first.responses == channel.responses.count)
        #expect(first.deliveries == channel.deliveries.count)

        let reopened = try await AppDatabase.open(path: path)
        try await reopened.saveDemo(channel)
        #expect(try await reopened.directoryCounts() == first)
        let truth = try await reopened.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM demo_truth") }
        #expect(truth == catalog.messages.values.reduce(0) { $0 + $1.keyPoints.count })
        let graded = try await reopened.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE correct IS NOT NULL")
        }
        #expect((graded ?? 0) > 1000)
    }
}

@Suite("Demo conflicts")
struct DemoConflictTests {
    @Test func demoRefusesToOverwriteOtherPeople() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        let asOf = Date(timeIntervalSince1970: 1_795_132_800)
        try await database.saveDemo(DemoGenerator(seed: 1, asOf: asOf).generate(catalog: catalog))
        let before = try await database.directoryCounts()
        await #expect(throws: DemoConflict.self) {
            try await database.saveDemo(DemoGenerator(seed: 2, asOf: asOf).generate(catalog: catalog))
        }
        #expect(try await database.directoryCounts() == before)
    }
}
