import ArgumentParser

/// `decay bench ...`: measurements behind BENCHMARKS.md; run them on a release build.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (use a release build; numbers go in BENCHMARKS.md).",
        subcommands: [BenchOutboxCommand.self, BenchReportsCommand.self, BenchDigestsCommand.self, BenchSinkCommand.self, BenchRecheckCommand.self]
    )
}
