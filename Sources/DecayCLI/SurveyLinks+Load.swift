import DecayApp
import DecayCore
import DecayInbound
import DecayStore

extension SurveyLinks {
    /// The links broadcasts carry, under the same secret and public URL `decay serve` uses.
    static func load(database: AppDatabase, catalog: ContentCatalog) async throws -> SurveyLinks {
        let secrets = try await InboundSecretsLoader.load(database: database, demo: false)
        return SurveyLinks(
            store: database, catalog: catalog, pipeline: InboundPipeline(database: database, catalog: catalog, secrets: secrets),
            baseURL: Self.publicURL())
    }

    /// `DECAY_PUBLIC_URL`, else the address `decay serve` listens on by default.
    static func publicURL() -> String {
        let port = Environment.value("DECAY_PORT") ?? "8080"
        return Environment.value("DECAY_PUBLIC_URL") ?? "http://\(Environment.value("DECAY_HOST") ?? "127.0.0.1"):\(port)"
    }
}

extension DashboardAccess {
    /// Signs the dashboard links digests carry, under the secret `decay serve` verifies them with.
    static func load(database: AppDatabase) async throws -> DashboardAccess {
        let secrets = try await InboundSecretsLoader.load(database: database, demo: false)
        return DashboardAccess(store: database, signer: secrets.links, adminToken: "", baseURL: SurveyLinks.publicURL())
    }
}
