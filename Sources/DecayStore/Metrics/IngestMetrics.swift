import Metrics

/// What each group commit of ``WriteBatcher`` reports: how many jobs it carried and how long it took.
///
///     database.batcher.metrics = IngestMetrics(factory: prometheusFactory)
public struct IngestMetrics: Sendable {
    /// Histogram of jobs (inbound requests) per commit.
    public static let batchSize = "decay_ingest_batch_size"
    /// Histogram of seconds per commit, including the isolated retry of a batch with a failing job.
    public static let commitSeconds = "decay_ingest_commit_seconds"

    private let size: Recorder
    private let latency: Timer

    /// Without a factory the process-wide one is used, which records nothing unless it was bootstrapped.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.size = Recorder(label: Self.batchSize, dimensions: [], aggregate: true, factory: factory)
        self.latency = Timer(label: Self.commitSeconds, dimensions: [], factory: factory)
    }

    /// Records one commit of `jobs` jobs.
    func committed(jobs: Int, in duration: Duration) {
        self.size.record(jobs)
        self.latency.record(duration: duration)
    }
}
