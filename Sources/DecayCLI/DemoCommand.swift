import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `decay demo`: seeds a synthetic channel with known decay parameters (see docs/demo-model.md).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Seed a realistic synthetic channel (partners, people, deliveries, relays, responses) into the database.",
        discussion: "Deterministic for a given --seed and --as-of; running it twice changes nothing the second time."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: "Last day of the generated history, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "Number of partners.")
    var partners: Int = 40

    func validate() throws {
        if self.partners < 1 || self.partners > 5000 {
            throw ValidationError("--partners must be from 1 to 5000")
        }
        if let asOf, UTCDay.start(of: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2026-11-20, got '\(asOf)'")
        }
    }

    func run() async throws {
        let catalog = try self.content.load()
        let database = try await self.database.open()
        let asOf = self.asOf.flatMap(UTCDay.start(of:)) ?? UTCDay.today()
        let channel = try await DemoSeeding(store: database, catalog: catalog).seed(self.seed, asOf: asOf, partners: self.partners)
        let counts = try await database.directoryCounts()
        print("demo channel seeded into \(self.database.path) (seed \(self.seed), as of \(UTCDay.format(asOf)))")
        print("  \(counts.partners) partners, \(counts.people) people, \(counts.deliveries) deliveries, \(channel.relays.count) relays, \(counts.responses) responses")
        print("  true decay parameters (what scoring should recover):")
        for (message, curves) in channel.truth.sorted(by: { $0.key < $1.key }) {
            for (point, curve) in curves.sorted(by: { $0.key < $1.key }) {
                let line = String(format: "    %@ / %@: half-life %.1f days, rho %.2f per hop, initial %.2f", message, point, curve.halfLife, curve.rho, curve.initial)
                print(line)
            }
        }
    }
}
