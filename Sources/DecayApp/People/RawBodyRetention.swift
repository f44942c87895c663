import DecayStore
import Foundation
import Logging
import ServiceLifecycle

/// Prunes raw inbound request bodies older than the retention (`DECAY_RAW_RETENTION_DAYS`, default 90) once an hour,
/// keeping the events' outcomes and everything they produced; the same pass deletes expired dashboard sessions.
public struct RawBodyRetention: Service {
    public static let defaultDays = 90

    public let store: any ErasureRepository & SessionRepository
    public let days: Int
    public let logger: Logger
    public let interval: Duration

    public init(store: any ErasureRepository & SessionRepository, days: Int = Self.defaultDays, logger: Logger, interval: Duration = .seconds(3600)) {
        self.store = store
        self.days = days
        self.logger = logger
        self.interval = interval
    }

    /// One pass: bodies received more than `days` before `now` (answers how many), and sessions expired at `now`.
    @discardableResult
    public func prune(now: Date) async throws -> Int {
        let pruned = try await self.store.pruneInboundBodies(receivedBefore: now.addingTimeInterval(-Double(self.days) * 86_400))
        if pruned > 0 { self.logger.info("Pruned raw inbound bodies", metadata: ["count": "\(pruned)", "retention_days": "\(self.days)"]) }
        let sessions = try await self.store.pruneSessions(now: now)
        if sessions > 0 { self.logger.info("Deleted expired dashboard sessions", metadata: ["count": "\(sessions)"]) }
        return pruned
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await self.prune(now: Date())
            } catch {
                self.logger.error("Pruning raw inbound bodies failed; trying again next pass", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }
}
