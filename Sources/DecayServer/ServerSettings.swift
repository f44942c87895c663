import DecayCore
import DecayDelivery
import DecayInbound

/// What `decay serve` needs to know besides the database.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var adminToken: String
    /// A second bearer token that opens only `GET /metrics` (`DECAY_METRICS_TOKEN`), for the scraper.
    public var metricsToken: String?
    /// Verifiers for the inbound webhooks and the signer of quick-survey links.
    public var secrets: InboundSecrets
    /// Largest request body accepted, in bytes (imports of 10,000 people fit easily).
    public var maxImportBytes: Int
    /// Where people reach this service, for links in chat (`DECAY_PUBLIC_URL`); defaults to the listen address.
    public var publicURL: String
    /// Which chat URLs broadcasts may post to (`DECAY_ALLOW_HOSTS`).
    public var destinationPolicy: DestinationPolicy
    /// Whether `webhook`-format destinations can be signed (`DECAY_OUTBOUND_WEBHOOK_SECRET`).
    public var canSignWebhooks: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, adminToken: String, secrets: InboundSecrets, publicURL: String? = nil,
        maxImportBytes: Int = 32 << 20, destinationPolicy: DestinationPolicy = DestinationPolicy(), canSignWebhooks: Bool = false,
        metricsToken: String? = nil
    ) {
        self.metricsToken = metricsToken
        self.destinationPolicy = destinationPolicy
        self.canSignWebhooks = canSignWebhooks
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.secrets = secrets
        self.maxImportBytes = maxImportBytes
        self.publicURL = publicURL ?? "http://\(host):\(port)"
    }
}
