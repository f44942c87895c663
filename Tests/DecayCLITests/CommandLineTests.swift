import ArgumentParser
import Foundation
import Testing

@testable import DecayCLI

@Suite("Command line")
struct CommandLineTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func serveTakesTheContractFlags() throws {
        let command = try #require(try DecayCommand.parseAsRoot(["serve", "--db", "/tmp/x.sqlite", "--host", "0.0.0.0", "--port", "9090", "--demo"]) as? ServeCommand)
        #expect(command.database.path == "/tmp/x.sqlite")
        #expect(command.host == "0.0.0.0")
        #expect(try command.resolvedPort() == 9090)
        #expect(command.demo)
    }

    @Test func serveRejectsABadPort() {
        #expect(throws: (any Error).self) {
            try DecayCommand.parseAsRoot(["serve", "--port", "70000"])
        }
    }

    @Test func demoTakesSeedAndDatabase() throws {
        let command = try #require(try DecayCommand.parseAsRoot(["demo", "--db", "d.sqlite", "--seed", "42"]) as? DemoCommand)
        #expect(command.seed == 42)
        #expect(command.database.path == "d.sqlite")
        #expect(throws: (any Error).self) {
            try DecayCommand.parseAsRoot(["demo", "--as-of", "last tuesday"])
        }
    }

    @Test func lintTakesContentFolders() throws {
        let command = try #require(try DecayCommand.parseAsRoot(["lint", "--messages", "m", "--surveys", "s"]) as? LintCommand)
        #expect(command.content.messagesDirectory == "m")
        #expect(command.content.surveysDirectory == "s")
    }

    @Test func importTakesKindAndFile() throws {
        let command = try #require(try DecayCommand.parseAsRoot(["import", "people", "people.csv", "--db", "x.sqlite"]) as? ImportCommand)
        #expect(command.kind == .people)
        #expect(command.file == "people.csv")
        #expect(throws: (any Error).self) {
            try DecayCommand.parseAsRoot(["import", "widgets", "w.csv"])
        }
    }

    @Test func evalTakesTrialsAndTheRecallLog() throws {
        let command = try #require(try DecayCommand.parseAsRoot(["eval", "--trials", "5", "--recall-log", "r.csv"]) as? EvalCommand)
        #expect(command.trials == 5)
        #expect(command.recallLog == "r.csv")
        #expect(throws: (any Error).self) { try DecayCommand.parseAsRoot(["eval", "--trials", "-1"]) }
    }

    @Test func helpExplainsEverySubcommand() {
        let help = DecayCommand.helpMessage()
        for name in ["serve", "lint", "import", "demo", "inbox", "eval"] {
            #expect(help.contains(name))
        }
        #expect(DecayCommand.helpMessage(for: ImportCommand.self).contains("reports_to"))
    }

    @Test func lintPassesOnShippedContentAndFailsOnBrokenContent() throws {
        var good = try #require(try DecayCommand.parseAsRoot([
            "lint", "--messages", Self.repoRoot.appendingPathComponent("messages").path,
            "--surveys", Self.repoRoot.appendingPathComponent("surveys").path,
        ]) as? LintCommand)
        try good.run()

        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("decay-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try "id: x\n".write(to: empty.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        var bad = try #require(try DecayCommand.parseAsRoot(["lint", "--messages", empty.path, "--surveys", empty.path]) as? LintCommand)
        #expect(throws: ExitCode(1)) {
            try bad.run()
        }
    }
}
