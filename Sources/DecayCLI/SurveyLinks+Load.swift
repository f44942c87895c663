import DecayApp
import DecayCore
import DecayInbound
import DecayStore

extension SurveyLinks {
    /// The links broadcasts carry, under the same secret and public URL `decay serve` uses.
    static func load(database: AppDatabase, catalog: ContentCatalog) async throws -> SurveyLinks {
        let secrets = try await InboundSecretsLoader.load(database: database, demo: false)
        let port = Environment.value("DECAY_PORT") ?? "8080"
        let baseURL = Environment.value("DECAY_PUBLIC_URL") ?? "http://\(Environment.value("DECAY_HOST") ?? "127.0.0.1"):\(port)"
        return SurveyLinks(
            store: database, catalog: catalog, pipeline: InboundPipeline(database: database, catalog: catalog, secrets: secrets), baseURL: baseURL)
    }
}
