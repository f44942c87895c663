import ArgumentParser

/// `decay report ...`: scores for people (tables) and machines (`--json`).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: how a message decays, how partners engage, what one person received and answered, pulse surveys.",
        subcommands: [ReportMessageCommand.self, ReportPartnersCommand.self, ReportPersonCommand.self, ReportPulseCommand.self]
    )
}
