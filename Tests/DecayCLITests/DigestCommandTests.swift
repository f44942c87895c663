import ArgumentParser
import Foundation
import Testing

@testable import DecayCLI

/// `decay digest`: flags parse, and every bad flag is refused with its name and what was expected.
@Suite("decay digest")
struct DigestCommandTests {
    @Test func takesManagerFormatWeekAndPreview() throws {
        let command = try #require(
            try DecayCommand.parseAsRoot(["digest", "--manager", "cm-1", "--format", "slack", "--week", "2026-W47", "--preview", "--db", "d.sqlite"])
                as? DigestCommand)
        #expect(command.manager == "cm-1")
        #expect(command.format == "slack")
        #expect(command.week == "2026-W47")
        #expect(command.preview)
        #expect(command.database.path == "d.sqlite")
    }

    @Test(arguments: [
        (["--format", "irc"], "--format: format must be one of slack, teams, discord, mattermost, googlechat, matrix, webhook, got 'irc'"),
        (["--week", "2026-47"], "--week: expected an ISO week like 2026-W47, got '2026-47'"),
        (["--week", "2021-W53"], "--week: week 53 does not exist in 2021, which has weeks 1 to 52"),
        (["--resamples", "9000"], "--resamples: resamples must be a whole number from 0 to 2000, got 9000"),
        ([], "--preview is required: digests are sent by the weekly scheduler in `decay serve`, not by this command"),
    ])
    func refusesBadFlagsByName(extra: [String], message: String) {
        let preview = extra.isEmpty ? [] : ["--preview"]
        do {
            _ = try DecayCommand.parseAsRoot(["digest", "--manager", "cm-1"] + preview + extra)
            Issue.record("accepted \(extra)")
        } catch {
            #expect(DecayCommand.message(for: error) == message)
        }
    }

    @Test func needsAManager() {
        #expect(throws: (any Error).self) { try DecayCommand.parseAsRoot(["digest", "--preview"]) }
    }
}
