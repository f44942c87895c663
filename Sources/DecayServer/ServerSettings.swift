import DecayApp
import DecayCore
import DecayDelivery
import DecayInbound

/// Everything `decay serve` is configured with besides the database and the content; `ServeCommand` reads it from
/// flags and `DECAY_*` variables, ``buildApplication(settings:database:catalog:logger:)`` builds the service from it.
public struct ServerSettings: Sendable {
    /// Admin tokens shorter than this are refused at start: the token guards everything under `/api`.
    public static let minimumAdminTokenLength = 32

    public var host: String
    public var port: Int
    public var adminToken: String
    /// A second token that opens `GET /metrics` and nothing else (`DECAY_METRICS_TOKEN`).
    public var metricsToken: String?
    /// Verifiers for the inbound webhooks and the signer of quick-survey links.
    public var secrets: InboundSecrets
    /// Largest request body accepted, in bytes (imports of 10,000 people fit easily).
    public var maxImportBytes: Int
    /// Where people reach this service, for links in chat (`DECAY_PUBLIC_URL`); defaults to the listen address.
    public var publicURL: String
    /// The outbox worker's rules: which chat URLs may be posted to (`DECAY_ALLOW_HOSTS`), rate limits, signing.
    public var delivery: OutboxWorkerConfiguration
    /// When weekly digests go out (`DECAY_DIGEST_AT`).
    public var digestSchedule: DigestSchedule
    /// Scorecard targets (`DECAY_TARGETS`); nil = the `scorecard_target` table.
    public var targets: ScoreTargets?
    /// Raw inbound bodies older than this many days are pruned (`DECAY_RAW_RETENTION_DAYS`).
    public var rawRetentionDays: Int
    /// The re-check scheduler's cap, reminders and pass interval (`DECAY_RECHECKS*`); nil = no scheduler.
    public var rechecks: RecheckSettings?
    /// Seed the demo channel into an empty database before serving (`--demo`).
    public var seedDemo: Bool
    /// Connections idle or half-sent this long are closed.
    public var idleTimeoutSeconds: Int64
    /// Fit the reports once at start-up so the dashboard's first visitor does not wait (`decay serve` sets it).
    public var warmReports = false

    public var destinationPolicy: DestinationPolicy { self.delivery.destinationPolicy }
    /// Whether `webhook`-format destinations can be signed (`DECAY_OUTBOUND_WEBHOOK_SECRET`).
    public var canSignWebhooks: Bool { self.delivery.webhookSigner != nil }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, adminToken: String, secrets: InboundSecrets, publicURL: String? = nil,
        maxImportBytes: Int = 32 << 20, delivery: OutboxWorkerConfiguration = OutboxWorkerConfiguration(),
        digestSchedule: DigestSchedule = .standard, targets: ScoreTargets? = nil, rawRetentionDays: Int = RawBodyRetention.defaultDays,
        seedDemo: Bool = false, idleTimeoutSeconds: Int64 = 60, metricsToken: String? = nil, rechecks: RecheckSettings? = nil
    ) {
        self.rechecks = rechecks
        self.metricsToken = metricsToken
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.secrets = secrets
        self.maxImportBytes = maxImportBytes
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.delivery = delivery
        self.digestSchedule = digestSchedule
        self.targets = targets
        self.rawRetentionDays = rawRetentionDays
        self.seedDemo = seedDemo
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
