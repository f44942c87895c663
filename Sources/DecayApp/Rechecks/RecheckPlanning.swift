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
        let input = try await self.store.recheckInput(messages: planner.messages.map(\.id), asOf: asOf)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: planner.plan(input, asOf: asOf)) }
        }
    }
}
