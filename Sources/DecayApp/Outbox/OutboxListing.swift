import DecayStore
import Foundation

/// The outbox as people see it (`decay outbox list|retry`, `GET /api/outbox`): counts per status, the newest posts
/// without bodies or full URLs, and putting a post back in the queue.
public struct OutboxListing: Sendable {
    public static let limits = 1...1000

    public let store: any OutboxRepository

    public init(store: any OutboxRepository) {
        self.store = store
    }

    public func list(status: OutboxStatus?, limit: Int) async throws -> OutboxPage {
        guard Self.limits.contains(limit) else {
            throw UseCaseError.invalid("limit must be a whole number from \(Self.limits.lowerBound) to \(Self.limits.upperBound), got \(limit)", field: "limit")
        }
        let counts = try await self.store.outboxCounts()
        let items = try await self.store.outbox(status: status, limit: limit).map(OutboxPostSummary.init)
        return OutboxPage(counts: Dictionary(uniqueKeysWithValues: OutboxStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) }), items: items)
    }

    /// Re-enables the destination if a 410 had disabled it; delivered posts are never sent again.
    public func retry(id: Int64, now: Date) async throws -> OutboxPostSummary {
        do {
            return OutboxPostSummary(try await self.store.retryOutbox(id: id, now: now))
        } catch let error as OutboxError {
            if case .notFound = error { throw UseCaseError(.notFound, error.description, field: "id") }
            throw UseCaseError(.unprocessable, error.description, field: "id")
        }
    }
}

/// Counts per status and one page of posts.
public struct OutboxPage: Sendable, Encodable {
    public var counts: [String: Int]
    public var items: [OutboxPostSummary]
}
