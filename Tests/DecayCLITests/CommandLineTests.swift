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

    @Test func reportMessagePagesRelaysAndWritesTheirCSV() async throws {
        let command = try #require(try DecayCommand.parseAsRoot([
            "report", "message", "vault-3-launch", "--relays", "all", "--relays-offset", "20", "--relays-csv", "r.csv",
        ]) as? ReportMessageCommand)
        #expect(command.relays == "all" && command.relaysOffset == "20" && command.relaysCsv == "r.csv")
        for bad in [["--relays", "many"], ["--relays", "-1"], ["--relays-offset", "-2"], ["--relays-offset", "all"]] {
            #expect(throws: (any Error).self, "\(bad)") { try DecayCommand.parseAsRoot(["report", "message", "m"] + bad) }
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decay-relays-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let content = [
            "--messages", Self.repoRoot.appendingPathComponent("messages").path,
            "--surveys", Self.repoRoot.appendingPathComponent("surveys").path,
        ]
        let db = folder.appendingPathComponent("d.sqlite").path
        let demo = try #require(try DecayCommand.parseAsRoot(["demo", "--db", db, "--seed", "2", "--as-of", "2026-11-20"] + content) as? DemoCommand)
        try await demo.run()
        let csv = folder.appendingPathComponent("relays.csv").path
        let report = try #require(try DecayCommand.parseAsRoot(
            ["report", "message", "vault-3-launch", "--db", db, "--resamples", "0", "--relays-csv", csv] + content) as? ReportMessageCommand)
        try await report.run()
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.first == "from,at,recipients,fidelity,rouge1_recall,target-market,immutable-copies,hipaa-audit,restore-sla")
        #expect(lines.count > 21, "every relay, not only the 20 worst")
    }
}
