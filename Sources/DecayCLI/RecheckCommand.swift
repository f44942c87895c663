import ArgumentParser
import DecayApp
import DecayCore
import DecayInbound
import DecayStore
import Foundation

/// `decay recheck`: plans re-checks and reminders and queues them (the scheduler in `decay serve` does the same
/// every 15 minutes); `--dry-run` only lists who is due, for which key points, when, where and why.
struct RecheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "Plan and queue re-checks and reminders: who, which key points, when, where, and why.",
        discussion: """
            A rep is due a re-check when a key point's predicted recall (the message's curve and the rep's own answers,
            see docs/forgetting-model.md) falls below the message's `recheck:` target by 10:00 on their next working
            day: at most `questions` key points, the weakest, each with a quiz question not answered right in the last
            `min_days`. A rep who neither acknowledged nor answered a broadcast is reminded after 3 and 5 working days
            (DECAY_NUDGE_DAYS). At most one contact per rep per week (DECAY_RECHECKS_PER_WEEK), reminders first.
            Posts go to the rep's own chat destination when the directory has one, else one post per partner channel
            and day naming the reps; each contact is queued once per (kind, rep, message, round).
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .customLong("as-of"), help: "Plan as of this time: YYYY-MM-DD (end of that day, UTC) or an RFC 3339 time (default: now).")
    var asOf: String?

    @Flag(help: "List who is due and where posts would go, without queueing anything.")
    var dryRun = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let now = Date()
        let asOf: Date
        if let text = self.asOf, let instant = RFC3339.parse(text) {
            asOf = instant
        } else {
            asOf = try InputRules.asOf(self.asOf, now: now)
        }
        let database = try await self.database.open()
        let catalog = try self.content.load()
        let rechecks = Rechecks(
            store: database, catalog: catalog, policy: try DeliverySettings.policy(), canSignWebhooks: try DeliverySettings.webhookSigner() != nil,
            links: try await SurveyLinks.load(database: database, catalog: catalog), settings: try DeliverySettings.rechecks() ?? .standard)
        let started = ContinuousClock.now
        let run = try await rechecks.run(asOf: asOf, dryRun: self.dryRun, now: now)
        let took = ContinuousClock.now - started
        print(self.json ? try ReportOutput.json(run) : Self.render(run) + "\npass: \(Self.seconds(took)) (planning, routing\(self.dryRun ? "" : " and queueing"); printing not included)")
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f s", Double(seconds) + Double(attoseconds) / 1e18)
    }

    static func render(_ run: RecheckRun) -> String {
        var formatters: [String: DateFormatter] = [:]
        let local = { (date: Date, timezone: String) -> String in
            let formatter = formatters[timezone] ?? Self.formatter(timezone)
            formatters[timezone] = formatter
            return formatter.string(from: date) + " " + timezone
        }
        let rechecks = run.contacts.filter { $0.kind == .recheck }
        let nudges = run.contacts.filter { $0.kind == .nudge }
        var lines = [
            "\(run.dryRun ? "Would send" : "Planned") as of \(RFC3339.format(run.asOf)): \(rechecks.count) re-checks, \(nudges.count) reminders "
                + "in \(run.posts.count) posts; \(run.deferred.count) deferred by the weekly cap, \(run.alreadyQueued) already queued, "
                + "\(run.unreachable.count) unreachable",
            run.model,
        ]
        for (message, reason) in run.skipped.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped \(message): \(reason)")
        }
        if let cancelled = run.cancelled, cancelled.contacts > 0 {
            lines.append("cancelled \(cancelled.contacts) queued contacts (answered, acknowledged or removed) and \(cancelled.posts) posts")
        }
        if let queued = run.queued {
            lines.append("queued \(queued.posts) posts for \(queued.contacts) contacts (\(queued.alreadyQueued) already queued, \(queued.capped) over the cap)")
        }
        if !run.contacts.isEmpty {
            lines.append("")
            lines.append(Table.render(
                header: ["kind", "person", "name", "partner", "message", "send at (local)", "key points: recall now -> at send", "question"],
                rows: run.contacts.map { contact in
                    [
                        contact.kind.rawValue, contact.person, contact.name, contact.partner ?? "-", contact.message, local(contact.sendAt, contact.timezone),
                        contact.points.isEmpty ? contact.reason : contact.points.map {
                            String(format: "%@ %.0f%% -> %.0f%%", $0.keyPoint, $0.recallNow * 100, $0.recallAtSend * 100)
                        }.joined(separator: ", "),
                        contact.points.map { "\($0.survey).\($0.question)" }.joined(separator: ", "),
                    ]
                }
            ))
        }
        if !run.posts.isEmpty {
            lines.append("")
            lines.append(Table.render(
                header: ["post", "route", "format", "destination", "people"],
                rows: run.posts.map { [$0.key, $0.route.rawValue, $0.format, $0.destination, "\($0.people.count)"] }))
        }
        for item in run.unreachable.prefix(20) {
            lines.append("unreachable \(item.person) (\(item.message)): \(item.reason)")
        }
        if run.unreachable.count > 20 { lines.append("... and \(run.unreachable.count - 20) more unreachable") }
        return lines.joined(separator: "\n")
    }

    /// One formatter per time zone: building one costs more than formatting thousands of times.
    static func formatter(_ timezone: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timezone)
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm"
        return formatter
    }
}
