import ArgumentParser
import DecayCore

/// `decay lint`: checks every message and survey file, printing `file:line: problem` for each problem.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the content files; prints file:line: problem and exits non-zero on any problem."
    )

    @OptionGroup var content: ContentOptions

    func run() throws {
        switch ContentCatalog.load(messagesDirectory: self.content.messagesDirectory, surveysDirectory: self.content.surveysDirectory) {
        case .success(let catalog):
            print("ok: \(catalog.messages.count) messages, \(catalog.surveys.count) surveys")
        case .failure(let errors):
            for problem in errors.problems { print(problem) }
            print("\(errors.problems.count) problem(s)")
            throw ExitCode(1)
        }
    }
}
