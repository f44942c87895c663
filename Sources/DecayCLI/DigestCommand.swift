import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `decay digest --manager ID --format slack --week 2026-W47 --preview`: prints the exact chat payload of one
/// manager's weekly digest on stdout and nothing else; sending is the scheduler's job in `decay serve`.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Preview a manager's weekly digest as the exact chat payload (JSON on stdout).",
        discussion: """
            Channel managers get their partners, partner managers their own reps. Definitions: docs/digest.md.
            Digests are sent by the weekly scheduler in `decay serve`; this command only previews.
            """
    )

    @Option(help: "Manager id: a channel manager or a partner manager in the directory.")
    var manager: String

    @Option(help: "Chat format: \(ChatFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: the manager's destination).")
    var format: String?

    @Option(help: "ISO week like 2026-W47 (default: the last complete week in the manager's time zone).")
    var week: String?

    @Flag(help: "Print the payload instead of sending it (required for now).")
    var preview = false

    @Option(help: "Targets file (YAML or JSON) for the scorecard; default: the scorecard_target table.")
    var targets: String?

    @Option(help: "Bootstrap resamples for half-life intervals, \(InputRules.resamples.lowerBound) to \(InputRules.resamples.upperBound) (default \(InputRules.defaultResamples)).")
    var resamples: Int?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
        try CLIInput.check {
            _ = try InputRules.format(self.format)
            _ = try InputRules.week(self.week)
            _ = try InputRules.resamples(self.resamples)
        }
        if !self.preview {
            throw ValidationError("--preview is required: digests are sent by the weekly scheduler in `decay serve`, not by this command")
        }
    }

    func run() async throws {
        let catalog = try self.content.load()
        let targets = try self.targets.map { try ScoreTargets.load(contentsOf: URL(fileURLWithPath: $0)) }
        let database = try await self.database.open()
        let digests = Digests(store: database, catalog: catalog, targets: targets, dashboard: try await DashboardAccess.load(database: database))
        let preview = try await digests.preview(
            manager: self.manager, week: try InputRules.week(self.week), format: try InputRules.format(self.format), resamples: self.resamples,
            now: Date())
        FileHandle.standardOutput.write(preview.payload.body + Data("\n".utf8))
    }
}
