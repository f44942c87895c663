import DecayChat
import DecayCore
import DecayStore
import Foundation

/// The weekly digest of one manager: who gets one, the default week and format, building it from a ``DigestRun``,
/// and rendering it for a chat format. The preview (CLI and API) and the scheduler both go through here.
public struct Digests: Sendable {
    public let store: any DigestRepository
    public let catalog: ContentCatalog
    /// Scorecard targets from `DECAY_TARGETS` or `--targets`; nil = the `scorecard_target` table.
    public let targets: ScoreTargets?
    public let options: DigestOptions
    /// Times each message fit of a run (`decay_report_fit_seconds`).
    public let metrics: ReportMetrics
    /// Signs each digest's link to the manager's dashboard; nil = digests without the link.
    public let dashboard: DashboardAccess?
    /// The pulse reports whose cache the digests' Pulse section shares; nil = each run keeps its own.
    public let pulse: PulseReports?

    public init(
        store: any DigestRepository, catalog: ContentCatalog, targets: ScoreTargets? = nil, options: DigestOptions = DigestOptions(),
        metrics: ReportMetrics = ReportMetrics(), dashboard: DashboardAccess? = nil, pulse: PulseReports? = nil
    ) {
        self.pulse = pulse
        self.dashboard = dashboard
        self.store = store
        self.catalog = catalog
        self.targets = targets
        self.options = options
        self.metrics = metrics
    }

    /// A run whose reads and fits the digests built with it share.
    public func run(resamples: Int = InputRules.defaultResamples) -> DigestRun {
        DigestRun(store: self.store, catalog: self.catalog, resamples: resamples, metrics: self.metrics, pulse: self.pulse)
    }

    /// Managers who get a digest, with their time zone and own destination.
    public func recipients(run: DigestRun) async throws -> [DigestRecipient] {
        DigestRecipient.all(people: try await run.people(), partners: try await run.partners())
    }

    /// The exact chat payload of one manager's digest. `week` nil = the last complete week in the manager's time zone;
    /// `format` nil = the format of the manager's own destination.
    public func preview(manager id: String, week: ISOWeek?, format: ChatFormat?, resamples: Int?, now: Date) async throws -> DigestPreview {
        let run = self.run(resamples: try InputRules.resamples(resamples))
        try await FreeTextBackfill(store: self.store, catalog: self.catalog).run()
        guard let person = try await run.people().first(where: { $0.id == id }) else {
            throw UseCaseError(.notFound, DigestError.unknownManager(id).description, field: "manager")
        }
        let week = week ?? ISOWeek.containing(now, in: TimeZone(identifier: person.timezone) ?? .gmt).previous
        let digest = try await self.build(manager: id, week: week, now: now, run: run)
        guard let format = format ?? person.chat?.format else {
            let formats = ChatFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw UseCaseError.invalid("format is required: '\(id)' has no chat destination (expected one of \(formats))", field: "format")
        }
        return DigestPreview(digest: digest, format: format, payload: Self.render(digest, as: format))
    }

    /// The digest of one manager for one ISO week in their time zone, as of `min(end of week, now)`.
    public func build(manager id: String, week: ISOWeek, now: Date, run: DigestRun) async throws -> Digest {
        do {
            var digest = try await self.buildDigest(manager: id, week: week, now: now, run: run)
            digest.dashboardURL = self.dashboard?.link(manager: id, now: now)
            return digest
        } catch let error as DigestError {
            switch error {
            case .unknownManager: throw UseCaseError(.notFound, error.description, field: "manager")
            case .weekNotStarted: throw UseCaseError.invalid(error.description, field: "week")
            case .notAManager, .nothingToReport: throw UseCaseError(.unprocessable, error.description, field: "manager")
            }
        }
    }

    /// The payload a digest posts in one format; the transaction id is the digest's idempotency key.
    public static func render(_ digest: Digest, as format: ChatFormat) -> ChatPayload {
        ChatRenderer.render(digest, as: format, transactionID: Self.key(manager: digest.manager.id, week: digest.week))
    }

    /// `digest:MANAGER:WEEK`: one digest per manager and week, whoever queues it.
    public static func key(manager: String, week: ISOWeek) -> String {
        "digest:\(manager):\(week)"
    }

    private func buildDigest(manager id: String, week: ISOWeek, now: Date, run: DigestRun) async throws -> Digest {
        let people = try await run.people()
        guard let manager = people.first(where: { $0.id == id }) else { throw DigestError.unknownManager(id) }
        if manager.role == .rep { throw DigestError.notAManager(id: manager.id, role: manager.role) }
        let timeZone = TimeZone(identifier: manager.timezone) ?? .gmt
        let start = week.start(in: timeZone)
        guard start <= now else { throw DigestError.weekNotStarted(week, timeZone: timeZone.identifier) }
        let end = week.end(in: timeZone)
        let period = Digest.Period(start: start, end: end, asOf: min(end, now), timeZone: timeZone.identifier)
        let current = try await run.snapshot(asOf: period.asOf)
        let colleagues = try await run.colleagues(of: manager)
        let scope = try DigestScope(manager: manager, partners: current.partners, people: colleagues)
        let byPerson = try await run.deliveries(asOf: period.asOf)
        var mine: [String: [DigestMessageInput.Delivery]] = [:]
        for person in scope.reps {
            for record in byPerson[person] ?? [] { mine[record.message, default: []].append(record.delivery) }
        }
        var messages: [DigestMessageInput] = []
        for message in self.catalog.sortedMessages {
            let deliveries = mine[message.id] ?? []
            guard let latest = deliveries.map(\.deliveredAt).max(), self.options.isActive(latestDelivery: latest, asOf: period.asOf) else { continue }
            let surveys = self.catalog.surveys(forMessage: message.id)
            let (input, report, oldVersions) = try await run.message(message, surveys: surveys, asOf: period.asOf, scope: scope)
            messages.append(DigestMessageInput(
                message: message, surveys: surveys, report: report, input: input, deliveries: deliveries, oldVersions: oldVersions))
        }
        let targets: ScoreTargets? = if let targets = self.targets { targets } else { try await run.targets() }
        let reports = (
            current: try await run.partnersReport(asOf: period.asOf, targets: targets, weights: self.options.weights),
            previous: try await run.partnersReport(asOf: period.start, targets: nil, weights: self.options.weights)
        )
        var pulse: (current: PulseReport, weekStart: PulseReport?)?
        if manager.role == .channelManager {
            pulse = (try await run.pulse(asOf: period.asOf), try await run.pulse(asOf: period.start))
        }
        let input = DigestInput(
            manager: manager, week: week, period: period, people: colleagues, current: current,
            previous: try await run.snapshot(asOf: period.start), targets: targets, messages: messages, reports: reports,
            contacts: try await run.contacts(start: period.start, asOf: period.asOf), pulse: pulse)
        let builder = DigestBuilder(options: self.options)
        return try await OffPool.run { try builder.build(input) }
    }
}

/// A digest rendered for one chat format.
public struct DigestPreview: Sendable {
    public var digest: Digest
    public var format: ChatFormat
    public var payload: ChatPayload
}
