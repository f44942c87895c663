import DecayCore
import DecayStore
import Foundation

/// What the digests of one run share, read or fitted once: the directory, engagement snapshots and deliveries per
/// cut-off, each message's report input and fit per cut-off, and the pulse report per cut-off. Managers in one time zone share a cut-off, so a
/// run over thousands of managers reads and fits a handful of times instead of once per manager.
public actor DigestRun {
    private let store: any DigestRepository
    private let catalog: ContentCatalog
    private let reports: MessageReportCache
    private var directory: (people: [Person], partners: [Partner])?
    private var storedTargets: ScoreTargets??
    private var snapshots: [Date: EngagementSnapshot] = [:]
    private var deliveries: [Date: [String: [DeliveryRecord]]] = [:]
    private var inputs: [String: IndexedMessageInput] = [:]
    private var peopleByPartner: [String: [Person]]?
    private var partnersReports: [String: PartnersReport] = [:]
    private var contacts: [String: [DigestContact]] = [:]
    private let pulseReports: PulseReports
    private var pulseByCutOff: [Date: PulseReport] = [:]

    /// `resamples` bootstrap refits give each half-life its interval; `metrics` times each fit; `pulse` shares its
    /// cached reports with the dashboard and the API (nil = a cache of the run's own).
    public init(
        store: any DigestRepository, catalog: ContentCatalog, resamples: Int = InputRules.defaultResamples, metrics: ReportMetrics = ReportMetrics(),
        pulse: PulseReports? = nil
    ) {
        self.store = store
        self.catalog = catalog
        self.reports = MessageReportCache(resamples: resamples, metrics: metrics)
        self.pulseReports = pulse ?? PulseReports(store: store, catalog: catalog)
    }

    func people() async throws -> [Person] {
        try await self.loadDirectory().people
    }

    func partners() async throws -> [Partner] {
        try await self.loadDirectory().partners
    }

    func targets() async throws -> ScoreTargets? {
        if let stored = self.storedTargets { return stored }
        let targets = try await self.store.scoreTargets()
        self.storedTargets = .some(targets)
        return targets
    }

    func snapshot(asOf: Date) async throws -> EngagementSnapshot {
        if let snapshot = self.snapshots[asOf] { return snapshot }
        let snapshot = try await self.store.engagementSnapshot(asOf: asOf, scope: .everyone)
        self.snapshots[asOf] = snapshot
        return snapshot
    }

    /// The channel-wide partners report at a cut-off (ranks, scores, scorecard), built off the cooperative pool.
    func partnersReport(asOf: Date, targets: ScoreTargets?, weights: ScoreWeights) async throws -> PartnersReport {
        let key = "\(asOf.timeIntervalSince1970)\u{0}\(targets == nil)"
        if let report = self.partnersReports[key] { return report }
        let snapshot = try await self.snapshot(asOf: asOf)
        let report = await OffPool.run { PartnersReport(snapshot: snapshot, targets: targets, weights: weights) }
        self.partnersReports[key] = report
        return report
    }

    /// Re-checks and reminders from a week before `start` to a week after `asOf` (the digest's section reads them).
    func contacts(start: Date, asOf: Date) async throws -> [DigestContact] {
        let key = "\(start.timeIntervalSince1970)\u{0}\(asOf.timeIntervalSince1970)"
        if let cached = self.contacts[key] { return cached }
        let week: TimeInterval = 7 * 86_400
        let contacts = try await self.store.digestContacts(from: start.addingTimeInterval(-week), through: asOf.addingTimeInterval(week))
        self.contacts[key] = contacts
        return contacts
    }

    /// The channel-wide pulse report as of `asOf`, read and built once per cut-off (the Pulse section narrows it).
    func pulse(asOf: Date) async throws -> PulseReport {
        if let report = self.pulseByCutOff[asOf] { return report }
        let report = try await self.pulseReports.report(asOf: asOf)
        self.pulseByCutOff[asOf] = report
        return report
    }

    /// Deliveries up to `asOf`, by person.
    func deliveries(asOf: Date) async throws -> [String: [DeliveryRecord]] {
        if let byPerson = self.deliveries[asOf] { return byPerson }
        let byPerson = Dictionary(grouping: try await self.store.deliveries(asOf: asOf), by: \.delivery.person)
        self.deliveries[asOf] = byPerson
        return byPerson
    }

    /// The report input (with free texts) of a message at a cut-off narrowed to a digest's scope, the message's
    /// channel-wide fitted report, and who across the channel is still on an older version (found once per cut-off).
    func message(
        _ message: Message, surveys: [Survey], asOf: Date, scope: DigestScope
    ) async throws -> (input: MessageReportInput, report: MessageReport, oldVersions: OldVersionFindings?) {
        let key = "\(message.id)\u{0}\(asOf.timeIntervalSince1970)"
        let indexed: IndexedMessageInput
        if let cached = self.inputs[key] {
            indexed = cached
        } else {
            let input = try await self.store.messageReportInput(message: message, surveys: surveys, asOf: asOf, freeTexts: true)
            indexed = await OffPool.run { IndexedMessageInput(input, message: message, surveys: surveys) }
            self.inputs[key] = indexed
        }
        let report = await self.reports.report(message, surveys: surveys, input: indexed.input, asOf: asOf)
        return (indexed.slice(for: scope), report, indexed.oldVersions)
    }

    /// The people a manager's scope can hold: everyone at the partners a channel manager owns, or at a partner
    /// manager's own partner, and the manager.
    func colleagues(of manager: Person) async throws -> [Person] {
        let byPartner: [String: [Person]]
        if let cached = self.peopleByPartner {
            byPartner = cached
        } else {
            byPartner = Dictionary(grouping: try await self.people().filter { $0.partner != nil }, by: { $0.partner ?? "" })
            self.peopleByPartner = byPartner
        }
        let partners: [String] = switch manager.role {
        case .channelManager: try await self.partners().filter { $0.manager == manager.id }.map(\.id)
        case .partnerManager, .rep: manager.partner.map { [$0] } ?? []
        }
        var people = partners.flatMap { byPartner[$0] ?? [] }
        if !people.contains(where: { $0.id == manager.id }) { people.append(manager) }
        return people
    }

    private func loadDirectory() async throws -> (people: [Person], partners: [Partner]) {
        if let directory = self.directory { return directory }
        let directory = (try await self.store.people(partner: nil), try await self.store.partners())
        self.directory = directory
        return directory
    }
}
