import Metrics

/// What the weekly-digest scheduler did: passes run, digests queued, and failures (retried on the next pass).
public struct DigestMetrics: Sendable {
    /// Counter of scheduler passes.
    public static let runs = "decay_digest_runs_total"
    /// Counter of digests queued to the outbox.
    public static let queued = "decay_digests_queued_total"
    /// Counter of digests that could not be built, and of passes that failed as a whole.
    public static let failures = "decay_digest_failures_total"

    let runs: Counter
    let queued: Counter
    let failures: Counter

    /// Without a factory the process-wide one is used, which records nothing unless it was bootstrapped.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.runs = Counter(label: Self.runs, factory: factory)
        self.queued = Counter(label: Self.queued, factory: factory)
        self.failures = Counter(label: Self.failures, factory: factory)
    }
}
