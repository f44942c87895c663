import DecayCore
import DecayStore
import Foundation

/// Seeds the synthetic demo channel (docs/demo-model.md): generated from a seed, its free texts scored here, then
/// written in one transaction. Shared by `decay demo`, `decay serve --demo` and `decay bench`.
public struct DemoSeeding: Sendable {
    public let store: any DemoRepository
    public let catalog: ContentCatalog

    public init(store: any DemoRepository, catalog: ContentCatalog) {
        self.store = store
        self.catalog = catalog
    }

    /// Re-running with the same seed changes nothing; another seed over this demo's ids is refused (``DemoConflict``).
    public func seed(_ seed: UInt64, asOf: Date, partners: Int = 40) async throws -> DemoChannel {
        try await ContentSync(store: self.store, catalog: self.catalog).run()
        let catalog = self.catalog
        let (channel, points) = await OffPool.run { () -> (DemoChannel, [String: [String: [PointScore]]]) in
            let channel = DemoGenerator(seed: seed, asOf: asOf, partnerCount: partners).generate(catalog: catalog)
            var points: [String: [String: [PointScore]]] = [:]
            for response in channel.responses {
                let scored = catalog.freeTextScoring.points(survey: response.surveyID, answers: response.answers)
                if !scored.isEmpty { points[response.externalID] = scored }
            }
            return (channel, points)
        }
        try await self.store.saveDemo(channel, freeTextPoints: points)
        return channel
    }

    /// Seeds only when the directory is empty; for `decay serve --demo`.
    public func seedIfEmpty(_ seed: UInt64, asOf: Date) async throws -> DemoChannel? {
        guard try await self.store.directorySize().partners == 0 else { return nil }
        return try await self.seed(seed, asOf: asOf)
    }
}
