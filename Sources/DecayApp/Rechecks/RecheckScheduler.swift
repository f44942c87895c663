import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Logging
import ServiceLifecycle

/// The re-check scheduler in `decay serve`: a ``Rechecks`` pass every `interval` (15 minutes by default), so answers
/// change who is due within a pass, queued posts go out at 10:00 in each rep's time zone, and a restart picks up
/// where it left off (the database keys every contact). Between passes it cancels, every minute, queued posts whose
/// reps have since answered, so an answer at 09:59 still stops the 10:00 re-check.
public final class RecheckScheduler: Service, Sendable {
    private let rechecks: Rechecks
    private let outbox: OutboxWorker?
    private let logger: Logger
    /// Passes start once this opens (nil: at once).
    private let gate: StartGate?

    public init(rechecks: Rechecks, outbox: OutboxWorker?, logger: Logger, gate: StartGate? = nil) {
        self.gate = gate
        self.rechecks = rechecks
        self.outbox = outbox
        self.logger = logger
    }

    /// How often queued posts are checked against new answers between passes.
    static let cancelTick = Duration.seconds(60)

    public func run() async throws {
        while let gate = self.gate, !gate.isOpen, !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(200)) }
        }
        var nextPass = ContinuousClock.now
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            guard ContinuousClock.now >= nextPass else {
                do {
                    _ = try await self.rechecks.cancelStale(now: Date())
                } catch {
                    self.logger.error("cancelling answered re-checks failed; trying again next minute", metadata: ["error": "\(error)"])
                }
                let wait = min(Self.cancelTick, nextPass - ContinuousClock.now)
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
                continue
            }
            nextPass = ContinuousClock.now + self.rechecks.settings.interval
            do {
                let now = Date()
                // A shutdown cancels a pass in flight: what it queued stays queued, the rest is planned at the next start.
                let run = try await cancelWhenGracefulShutdown { try await self.rechecks.run(asOf: now, dryRun: false, now: now) }
                let queued = run.queued ?? ContactQueueResult()
                self.logger.info("re-check pass", metadata: [
                    "posts": "\(queued.posts)", "contacts": "\(queued.contacts)", "deferred": "\(run.deferred.count)",
                    "unreachable": "\(run.unreachable.count)", "cancelled": "\(run.cancelled?.contacts ?? 0)",
                ])
                if queued.posts > 0 { self.outbox?.wake() }
            } catch {
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                self.logger.error("re-check pass failed; trying again next pass", metadata: ["error": "\(error)"])
            }
        }
    }
}
