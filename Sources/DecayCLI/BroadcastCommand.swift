import ArgumentParser
import DecayApp
import DecayCore
import DecayDelivery
import DecayStore
import Foundation

/// `decay broadcast MESSAGE`: records deliveries and queues one chat post per partner destination.
struct BroadcastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadcast",
        abstract: "Send a message to partner chat channels (queued in the outbox; `decay serve` delivers).",
        discussion: """
            AUDIENCE is terms like category:msp,tier:gold or partner:p-001 (same key = any of, different keys = all of);
            omitted, the message's own audience. Posts carry the message, its key points, a "Got it" action, the
            quick-survey link and, on Slack, the survey's first quiz question as buttons.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    @Argument(help: "Message id (a file in messages/).")
    var message: String

    @Option(help: "Survey to attach (default: the message's survey).")
    var survey: String?

    @Option(help: "Audience, e.g. category:msp,tier:gold (default: the message's audience).")
    var audience: String?

    @Flag(help: "Show who would get it and where posts would go, without writing anything.")
    var dryRun = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let catalog = try self.content.load()
        let database = try await self.database.open()
        try await ContentSync(store: database, catalog: catalog).run()
        let broadcasts = Broadcasts(
            store: database, catalog: catalog, policy: try DeliverySettings.policy(),
            canSignWebhooks: try DeliverySettings.webhookSigner() != nil, links: try await SurveyLinks.load(database: database, catalog: catalog)
        )
        let plan = try await broadcasts.broadcast(message: self.message, survey: self.survey, audience: self.audience, dryRun: self.dryRun, now: Date())
        if self.json {
            print(try ReportOutput.json(plan))
            return
        }
        print(Self.describe(plan))
    }

    static func describe(_ plan: BroadcastPlan) -> String {
        var lines: [String] = []
        let head = plan.dryRun ? "dry run: would broadcast" : "broadcast \(plan.broadcastID.map(String.init) ?? "?"):"
        lines.append("\(head) \(plan.message) v\(plan.version) to \(plan.audience): \(plan.partners) partner(s), \(plan.people) people")
        if let created = plan.newDeliveries, let existing = plan.existingDeliveries {
            lines.append("deliveries: \(created) new, \(existing) already had this version")
        }
        lines.append("\(plan.dryRun ? "posts that would be queued" : "posts queued"): \(plan.posts.count)")
        if !plan.posts.isEmpty {
            lines.append(Table.render(
                header: ["partner", "format", "destination", "people", "outbox id"],
                rows: plan.posts.map { [$0.partner, $0.format.rawValue, $0.destination, String($0.people), $0.outboxID.map(String.init) ?? "-"] }
            ))
        }
        if !plan.skipped.isEmpty {
            lines.append("skipped \(plan.skipped.count) partner(s):")
            lines += plan.skipped.map { "  \($0.partner): \($0.reason)" }
        }
        if !plan.dryRun, !plan.posts.isEmpty { lines.append("`decay serve` delivers queued posts; see them with `decay outbox list`.") }
        return lines.joined(separator: "\n")
    }
}
