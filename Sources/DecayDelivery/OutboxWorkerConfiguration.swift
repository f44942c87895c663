import DecayCore
import Foundation

/// How the outbox worker sends: parallelism, retries, destination rules, rate limits and signing.
public struct OutboxWorkerConfiguration: Sendable {
    /// Posts on the wire at once, across all destinations.
    public var maxInFlight: Int = 32
    public var retryPolicy: RetryPolicy = .standard
    public var destinationPolicy = DestinationPolicy()
    /// Per-destination limit by format; `nil` = unlimited. Defaults to each platform's documented limit.
    public var rateLimit: @Sendable (ChatFormat?) -> RateLimit? = { $0.flatMap(RateLimit.platformDefault) }
    /// Signs `webhook`-format posts with Standard Webhooks; such posts are dead without it.
    public var webhookSigner: StandardWebhooks?
    /// How often to look for posts written by other processes (e.g. `decay broadcast`).
    public var pollInterval: Duration = .seconds(1)
    /// On graceful shutdown, keep sending what is due for at most this long, then finish what is in flight.
    public var drainTimeout: Duration = .seconds(10)
    public var connectTimeout = 5
    public var totalTimeout = 15

    public init() {}

    /// Turns every rate limit off, for benchmarks against a loopback sink.
    public static func unlimited(_ configuration: OutboxWorkerConfiguration) -> OutboxWorkerConfiguration {
        var copy = configuration
        copy.rateLimit = { _ in nil }
        return copy
    }
}
