import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation

/// Re-checks and reminders, planned and queued: who is due (``RecheckPlanner``, ``NudgePlanner``), the weekly cap
/// (``ContactSelection``), the route (the rep's own chat destination, else one post per partner channel and day
/// naming the reps), and the outbox, exactly once per (kind, rep, message, round). `decay recheck` and the scheduler
/// in `decay serve` both call `run`.
public struct Rechecks: Sendable {
    public let store: any RecheckRepository
    public let catalog: ContentCatalog
    public let policy: DestinationPolicy
    public let canSignWebhooks: Bool
    public let links: SurveyLinks?
    public let settings: RecheckSettings

    public init(
        store: any RecheckRepository, catalog: ContentCatalog, policy: DestinationPolicy, canSignWebhooks: Bool, links: SurveyLinks?,
        settings: RecheckSettings = .standard
    ) {
        self.store = store
        self.catalog = catalog
        self.policy = policy
        self.canSignWebhooks = canSignWebhooks
        self.links = links
        self.settings = settings
    }

    /// Plans as of `asOf`; unless `dryRun`, first cancels queued contacts that should no longer go out, then queues
    /// the new ones (a `now` in the past is fine for tests: send times come from `asOf`).
    public func run(asOf: Date, dryRun: Bool, now: Date) async throws -> RecheckRun {
        let cancelled = dryRun ? nil : try await self.store.cancelStaleContacts(now: now)
        let plan = try await RecheckPlanning(store: self.store, catalog: self.catalog).plan(asOf: asOf)
        let silent = try await self.store.nudgeCandidates(since: asOf.addingTimeInterval(-Self.nudgeLookback), asOf: asOf)
        let nudges = NudgePlanner(rules: self.settings.nudges).plan(silent, asOf: asOf)
        let queued = try await self.store.queuedContacts(since: asOf.addingTimeInterval(-2 * ContactSelection.week))
        let queuedKeys = Set(queued.map(\.key))
        let candidates = (nudges.map(PlannedContact.init) + plan.due.map(PlannedContact.init))
        let fresh = candidates.filter { !queuedKeys.contains($0.key) }
        let earlier = Dictionary(grouping: queued, by: \.person).mapValues { $0.map(\.sendAt) }
        let selection = ContactSelection.select(fresh, earlier: earlier, perWeek: self.settings.perWeek)
        let (posts, unreachable) = try await self.route(selection.chosen, now: now)
        var run = RecheckRun(
            asOf: asOf, dryRun: dryRun, model: plan.model, skipped: plan.skipped, contacts: selection.chosen, deferred: selection.deferred,
            alreadyQueued: candidates.count - fresh.count, unreachable: unreachable,
            posts: posts.map { post in
                RecheckRun.Post(
                    key: post.item.idempotencyKey, route: post.route, kind: post.contacts[0].kind, partner: post.contacts[0].partner,
                    format: post.item.format, destination: OutboxURL.redacted(post.item.destination),
                    sendAt: post.contacts.map { $0.sendAt }.min() ?? asOf, people: post.contacts.map { $0.person })
            },
            queued: nil, cancelled: cancelled)
        if !dryRun, !posts.isEmpty {
            run.queued = try await self.store.queueContacts(posts, perWeek: self.settings.perWeek, now: now)
        }
        return run
    }

    /// Cancels queued posts that should no longer go out (answered, acknowledged, removed); cheap, so the scheduler
    /// runs it every minute between passes.
    public func cancelStale(now: Date) async throws -> CancelledContacts {
        try await self.store.cancelStaleContacts(now: now)
    }

    /// How far back a pass looks for broadcasts to remind people of: more than the reminder window in calendar days.
    static let nudgeLookback: TimeInterval = 21 * 86_400
}
