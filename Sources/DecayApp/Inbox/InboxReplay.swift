import DecayCore
import DecayInbound
import DecayStore

/// Rejected inbound events processed again once the directory or content is fixed (`decay inbox replay`).
/// Accepted events are never processed twice; an event that is still invalid stays rejected.
public struct InboxReplay: Sendable {
    public let pipeline: InboundPipeline

    public init(pipeline: InboundPipeline) {
        self.pipeline = pipeline
    }

    /// The newest rejected events, with the field at fault, for the operations page.
    public func rejected(limit: Int) async throws -> [InboxItem] {
        try await self.pipeline.database.inbox(rejectedOnly: true, limit: limit)
    }

    /// The one event `id`, or every rejected event oldest first when nil.
    public func replay(_ id: Int64?) async throws -> [(id: Int64, outcome: IngestOutcome)] {
        let ids: [Int64] = if let id { [id] } else { Array(try await self.pipeline.database.inbox(rejectedOnly: true, limit: 100_000).map(\.id).reversed()) }
        var results: [(id: Int64, outcome: IngestOutcome)] = []
        for id in ids {
            results.append((id, try await self.pipeline.replay(id)))
        }
        return results
    }
}
