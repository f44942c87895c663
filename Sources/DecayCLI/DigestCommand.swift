import ArgumentParser
import DecayChat
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

    @Option(help: "Bootstrap resamples for half-life intervals (more is slower and steadier).")
    var resamples: Int = 200

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if let format, ChatFormat(rawValue: format) == nil {
            throw ValidationError("--format: expected one of \(ChatFormat.allCases.map(\.rawValue).joined(separator: ", ")), got '\(format)'")
        }
        if let week {
            do { _ = try ISOWeek.parse(week) } catch { throw ValidationError("--week: \(error)") }
        }
        if !(0...5000).contains(self.resamples) { throw ValidationError("--resamples: expected 0 to 5000, got \(self.resamples)") }
        if !self.preview {
            throw ValidationError("--preview is required: digests are sent by the weekly scheduler in `decay serve`, not by this command")
        }
    }

    func run() async throws {
        let catalog = try self.content.load()
        let targets = try self.targets.map { try ScoreTargets.load(contentsOf: URL(fileURLWithPath: $0)) }
        let database = try await self.database.open()
        try await database.backfillFreeTextPoints(catalog: catalog)
        guard let person = try await database.person(self.manager) else {
            throw CLIError("--manager: \(DigestError.unknownManager(self.manager))")
        }
        let recipient = try await database.digestManagers().first { $0.id == person.id }
        guard let format = self.format.flatMap(ChatFormat.init(rawValue:)) ?? recipient?.chat?.format else {
            let formats = ChatFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw CLIError("--format is required: '\(self.manager)' has no chat destination (expected one of \(formats))")
        }
        let now = Date()
        let timeZone = TimeZone(identifier: person.timezone) ?? .gmt
        let week = try self.week.map(ISOWeek.parse) ?? ISOWeek.containing(now, in: timeZone).previous
        let digest: Digest
        do {
            digest = try await database.digest(
                managerID: self.manager, week: week, now: now, catalog: catalog, targets: targets,
                reports: MessageReportCache(resamples: self.resamples))
        } catch let error as DigestError {
            if case .weekNotStarted = error { throw CLIError("--week: \(error)") }
            throw CLIError("--manager: \(error)")
        }
        let payload = ChatRenderer.render(digest, as: format, transactionID: "digest-\(digest.manager.id)-\(digest.week)")
        FileHandle.standardOutput.write(payload.body + Data("\n".utf8))
    }
}
