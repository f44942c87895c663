import ArgumentParser

/// `decay`: the MessageDecay service and its tools.
public struct DecayCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "decay",
        abstract: "MessageDecay: measure how vendor messages decay as they travel through the channel.",
        discussion: """
            Content comes from ./messages and ./surveys, data lives in one SQLite file (./decay.sqlite).
            Every option that names a path or port can also be set by a DECAY_* environment variable.
            """,
        subcommands: [
            ServeCommand.self, LintCommand.self, ImportCommand.self, DemoCommand.self, InboxCommand.self, EvalCommand.self, ReportCommand.self,
            BroadcastCommand.self, OutboxCommand.self, BenchCommand.self, DigestCommand.self, PeopleCommand.self, RecheckCommand.self,
        ]
    )

    public init() {}
}
