import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Logging
import ServiceLifecycle

/// A manager who gets a weekly digest, where, and in which timezone it is scheduled.
public struct DigestTarget: Sendable, Equatable {
    public var manager: String
    public var timeZone: TimeZone
    public var chat: ChatDestination?

    public init(manager: String, timeZone: TimeZone, chat: ChatDestination?) {
        self.manager = manager
        self.timeZone = timeZone
        self.chat = chat
    }
}

/// One digest the scheduler queued.
public struct QueuedDigest: Sendable, Equatable {
    public var manager: String
    public var week: ISOWeek
    public var outboxID: Int64
}

/// Queues each manager's weekly digest when it falls due in their timezone, exactly once per manager and week
/// (the database keys on both), catching up on weeks missed while the service was down.
public final class DigestScheduler: Service, Sendable {
    private let store: any DigestQueueRepository
    private let schedule: DigestSchedule
    private let composer: any DigestComposer
    private let policy: DestinationPolicy
    private let outbox: OutboxWorker?
    private let logger: Logger
    private let tick: Duration
    private let metrics: DigestMetrics

    public init(
        store: any DigestQueueRepository, schedule: DigestSchedule, composer: any DigestComposer, policy: DestinationPolicy,
        outbox: OutboxWorker?, logger: Logger, tick: Duration = .seconds(60), metrics: DigestMetrics = DigestMetrics()
    ) {
        self.metrics = metrics
        self.store = store
        self.schedule = schedule
        self.composer = composer
        self.policy = policy
        self.outbox = outbox
        self.logger = logger
        self.tick = tick
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                _ = try await self.runOnce(now: Date())
            } catch {
                self.metrics.failures.increment()
                self.logger.error("digest scheduling failed; trying again next minute", metadata: ["error": "\(error)"])
            }
            try? await gracefulShutdownOrCancel(sleeping: self.tick)
        }
    }

    /// Queues every digest due by `now` that has not been queued yet; safe to run any number of times. Builds two
    /// managers' digests at a time (one per core). Stops starting managers once graceful shutdown begins: what was
    /// queued stays queued, the rest is picked up at the next start.
    public func runOnce(now: Date) async throws -> [QueuedDigest] {
        self.metrics.runs.increment()
        let since = try await self.store.digestSchedulerStart(now: now)
        let targets = try await self.composer.targets()
        var queued: [QueuedDigest] = []
        try await withThrowingTaskGroup(of: [QueuedDigest].self) { group in
            var next = targets.makeIterator()
            var running = 0
            while true {
                while running < Self.parallelDigests, !(Task.isShuttingDownGracefully || Task.isCancelled), let target = next.next() {
                    group.addTask { await self.queueDue(target, since: since, now: now) }
                    running += 1
                }
                guard let done = try await group.next() else { break }
                queued += done
                running -= 1
            }
        }
        if !queued.isEmpty {
            self.metrics.queued.increment(by: queued.count)
            self.logger.info("queued weekly digests", metadata: ["count": "\(queued.count)"])
            self.outbox?.wake()
        }
        return queued.sorted { ($0.manager, $0.week) < ($1.manager, $1.week) }
    }

    /// Digests built at once in a pass.
    static let parallelDigests = 2

    /// Every week due for one manager; a digest that fails to build is logged and tried again next pass.
    private func queueDue(_ target: DigestTarget, since: Date, now: Date) async -> [QueuedDigest] {
        var queued: [QueuedDigest] = []
        for week in self.schedule.dueWeeks(in: target.timeZone, now: now, since: since) {
            do {
                if let digest = try await self.queue(target, week: week, now: now) { queued.append(digest) }
            } catch {
                self.metrics.failures.increment()
                self.logger.error("could not build a digest; it is tried again next pass", metadata: [
                    "manager": "\(target.manager)", "week": "\(week)", "error": "\(error)",
                ])
            }
        }
        return queued
    }
}

extension DigestScheduler {
    /// Builds and queues one digest unless it is already queued or has nowhere to go.
    private func queue(_ target: DigestTarget, week: ISOWeek, now: Date) async throws -> QueuedDigest? {
        if try await self.store.hasDigest(manager: target.manager, week: week) { return nil }
        guard let chat = target.chat else {
            self.logger.notice("no digest destination for manager", metadata: ["manager": "\(target.manager)", "week": "\(week)"])
            return nil
        }
        if case .failure(let refusal) = self.policy.check(chat.url) {
            self.logger.warning("digest destination refused", metadata: ["manager": "\(target.manager)", "reason": "\(refusal.reason)"])
            return nil
        }
        let key = Digests.key(manager: target.manager, week: week)
        let payload = try await self.composer.payload(for: target, week: week, now: now)
        let item = OutboxItem(idempotencyKey: key, kind: "digest", payload: payload, to: chat)
        guard let id = try await self.store.recordDigest(manager: target.manager, week: week, post: item, now: now) else { return nil }
        return QueuedDigest(manager: target.manager, week: week, outboxID: id)
    }
}

/// Sleeps, returning early (by throwing) when graceful shutdown begins or the task is cancelled.
private func gracefulShutdownOrCancel(sleeping duration: Duration) async throws {
    try await cancelWhenGracefulShutdown {
        try await Task.sleep(for: duration)
    }
}
