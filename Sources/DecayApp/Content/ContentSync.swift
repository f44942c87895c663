import DecayCore
import DecayStore

/// Makes the database agree with the content folders at start-up: every message version is recorded (responses
/// keep the version they answered) and free texts stored before their statuses were are scored.
public struct ContentSync: Sendable {
    public let store: any ContentRepository
    public let catalog: ContentCatalog

    public init(store: any ContentRepository, catalog: ContentCatalog) {
        self.store = store
        self.catalog = catalog
    }

    public func run() async throws {
        try await self.store.recordMessageVersions(self.catalog)
        try await FreeTextBackfill(store: self.store, catalog: self.catalog).run()
    }
}
