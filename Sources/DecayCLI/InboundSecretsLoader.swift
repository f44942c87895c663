import DecayApp
import DecayCore
import DecayInbound
import DecayStore

/// Reads the inbound secrets from the environment; `--demo` generates a Standard Webhooks secret when none is set.
enum InboundSecretsLoader {
    static func load(database: AppDatabase, demo: Bool) async throws -> InboundSecrets {
        var webhookSecret = Environment.value("DECAY_WEBHOOK_SECRET")
        if webhookSecret == nil, demo {
            webhookSecret = StandardWebhooks.generateSecret()
            print("demo webhook secret: \(webhookSecret!)\n  export DECAY_WEBHOOK_SECRET=\(webhookSecret!)")
        }
        let standardWebhooks = try webhookSecret.map { secret in
            do {
                return try StandardWebhooks(secret: secret)
            } catch {
                throw CLIError("DECAY_WEBHOOK_SECRET is not usable: \(Self.describe(error))")
            }
        }
        let slack = try Environment.value("DECAY_SLACK_SIGNING_SECRET").map { secret in
            do { return try SlackSignature(signingSecret: secret) } catch { throw CLIError("DECAY_SLACK_SIGNING_SECRET: \(Self.describe(error))") }
        }
        let typeform = try Environment.value("DECAY_TYPEFORM_SECRET").map { secret in
            do { return try TypeformSignature(secret: secret) } catch { throw CLIError("DECAY_TYPEFORM_SECRET: \(Self.describe(error))") }
        }
        let linkSecret: [UInt8]
        if let text = Environment.value("DECAY_LINK_SECRET") {
            linkSecret = Array(text.utf8)
        } else {
            linkSecret = try await database.secret(named: "survey-link-secret") { SurveyTokenSigner.generateSecret() }
        }
        let links: SurveyTokenSigner
        do {
            links = try SurveyTokenSigner(secret: linkSecret)
        } catch {
            throw CLIError("DECAY_LINK_SECRET must be at least \(SurveyTokenSigner.minimumSecretLength) bytes: \(error.message)")
        }
        return InboundSecrets(standardWebhooks: standardWebhooks, slack: slack, typeform: typeform, links: links)
    }

    private static func describe(_ error: any Error) -> String {
        (error as? SignatureError)?.message ?? "\(error)"
    }
}
