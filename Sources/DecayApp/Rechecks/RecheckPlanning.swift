import DecayCore
import DecayStore
import Foundation

/// Who is due a re-check as of a time, for which key points, when and why (``RecheckPlanner``); the planning is
/// CPU-bound (two fits), so it runs off the cooperative pool.
public struct RecheckPlanning: Sendable {
    public let store: any RecheckInputRepository
    public let catalog: ContentCatalog

    public init(store: any RecheckInputRepository, catalog: ContentCatalog) {
        self.store = store
        self.catalog = catalog
    }

    public func plan(asOf: Date) async throws -> RecheckPlan {
        let planner = RecheckPlanner(catalog: self.catalog)
        let read = try await self.store.recheckInput(messages: planner.messages.map(\.id), asOf: asOf)
        var evidence: [(Message, [Survey], OldVersionEvidence)] = []
        for message in planner.messages {
            let surveys = self.catalog.surveys(forMessage: message.id)
            if let found = try await self.store.oldVersionEvidence(message: message, surveys: surveys, asOf: asOf) {
                evidence.append((message, surveys, found))
            }
        }
        let found = evidence
        return try await OffPoolTask.run {
            var input = read
            input.staleClaims = Self.staleClaims(found)
            return planner.plan(input, asOf: asOf)
        }
    }

    /// Per message, each person still on an older version with the first key point (in message order) they hold it on.
    static func staleClaims(_ evidence: [(Message, [Survey], OldVersionEvidence)]) -> [String: [String: RecheckInput.StaleClaim]] {
        var claims: [String: [String: RecheckInput.StaleClaim]] = [:]
        for (message, surveys, found) in evidence {
            let holders = OldVersionClaims(current: message, previous: found.previous)
                .holders(found, surveys: surveys, keyPointOrder: message.keyPoints.map(\.id))
            for holder in holders where claims[message.id]?[holder.person] == nil {
                claims[message.id, default: [:]][holder.person] = RecheckInput.StaleClaim(keyPoint: holder.keyPoint, version: holder.version)
            }
        }
        return claims
    }
}
