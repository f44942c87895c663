import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `--db PATH`, else `DECAY_DB`, else `./decay.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (env DECAY_DB, default ./decay.sqlite).")
    var databasePath: String?

    var path: String {
        self.databasePath ?? Environment.value("DECAY_DB") ?? "./decay.sqlite"
    }

    /// `DECAY_DURABILITY`: `full` (default, fsync per commit) or `normal` (survives process crashes, not power loss).
    func open() async throws -> AppDatabase {
        let text = Environment.value("DECAY_DURABILITY") ?? "full"
        guard let durability = AppDatabase.Durability(rawValue: text) else {
            throw CLIError("DECAY_DURABILITY must be full or normal, got '\(text)'")
        }
        return try await AppDatabase.open(path: self.path, durability: durability)
    }
}

/// Where the content folders are: flags, else `DECAY_MESSAGES` / `DECAY_SURVEYS`, else `./messages` and `./surveys`.
struct ContentOptions: ParsableArguments {
    @Option(help: "Folder of message files (env DECAY_MESSAGES, default ./messages).")
    var messages: String?

    @Option(help: "Folder of survey files (env DECAY_SURVEYS, default ./surveys).")
    var surveys: String?

    var messagesDirectory: String { self.messages ?? Environment.value("DECAY_MESSAGES") ?? "./messages" }
    var surveysDirectory: String { self.surveys ?? Environment.value("DECAY_SURVEYS") ?? "./surveys" }

    /// Loads the content or fails with every problem listed as `file:line: problem`.
    func load() throws -> ContentCatalog {
        switch ContentCatalog.load(messagesDirectory: self.messagesDirectory, surveysDirectory: self.surveysDirectory) {
        case .success(let catalog): return catalog
        case .failure(let errors): throw CLIError("the content has \(errors.problems.count) problem(s) (run `decay lint`):\n\(errors)")
        }
    }
}

enum Environment {
    /// A non-empty environment variable.
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// A failure explained in words, printed by ArgumentParser as `Error: ...`.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Checks options with the use cases' own ``InputRules`` while parsing, naming the flag: `--week: ...`.
enum CLIInput {
    static func check(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as UseCaseError {
            throw ValidationError(error.field.map { "--\($0.replacingOccurrences(of: "_", with: "-")): \(error.message)" } ?? error.message)
        }
    }
}
