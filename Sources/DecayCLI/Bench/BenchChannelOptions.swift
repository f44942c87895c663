import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// The large seeded channel the report and digest benchmarks run on: the demo generator at 2,000 partners, every
/// response then repeated `--copies` more times an hour apart (23k people, 1.29M answers with the defaults).
struct BenchChannelOptions: ParsableArguments {
    @Option(help: "Partners in the generated channel (when the database is empty).")
    var partners: Int = 2000

    @Option(help: "Extra copies of every generated response (about 430,000 answers each at 2,000 partners).")
    var copies: Int = 2

    @Option(help: "Generator seed.")
    var seed: UInt64 = 7

    /// Generates the channel unless the database already holds a directory.
    func generateIfEmpty(_ database: AppDatabase, catalog: ContentCatalog) async throws {
        guard try await database.directoryCounts().partners == 0 else { return }
        let started = Date()
        _ = try await DemoSeeding(store: database, catalog: catalog).seed(self.seed, asOf: UTCDay.start(of: "2026-11-20")!, partners: self.partners)
        try await BenchReportsCommand.repeatResponses(database, copies: self.copies)
        print(String(format: "generated in %.1f s", Date().timeIntervalSince(started)))
    }
}
