import DecayCore
import DecayInbound
import DecayStore
import Foundation

/// Mints the partner-channel survey links broadcasts carry, under the same secret `decay serve` verifies with.
struct SurveyLinks: Sendable {
    let pipeline: InboundPipeline
    let baseURL: String

    static func load(database: AppDatabase) async throws -> SurveyLinks {
        let secrets = try await InboundSecretsLoader.load(database: database, demo: false)
        let port = Environment.value("DECAY_PORT") ?? "8080"
        let baseURL = Environment.value("DECAY_PUBLIC_URL") ?? "http://\(Environment.value("DECAY_HOST") ?? "127.0.0.1"):\(port)"
        return SurveyLinks(pipeline: InboundPipeline(database: database, catalog: ContentCatalog(), secrets: secrets), baseURL: baseURL)
    }

    var partnerLink: @Sendable (Partner, Survey) -> String? {
        let pipeline = self.pipeline
        let baseURL = self.baseURL
        return { partner, survey in pipeline.partnerSurveyLink(partner: partner.id, survey: survey.id, baseURL: baseURL, now: Date()) }
    }
}
