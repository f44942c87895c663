import Metrics

/// How long message-report fits take (the forgetting fit with its bootstrap), per message.
///
///     let report = metrics.timeFit(message: message.id) { builder.build(message: message, surveys: surveys, input: input) }
public struct ReportMetrics: Sendable {
    /// Histogram of seconds per report fit, labelled `message`.
    public static let fitSeconds = "decay_report_fit_seconds"

    private let factory: any MetricsFactory

    /// Without a factory the process-wide one is used, which records nothing unless it was bootstrapped.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// Runs `fit` and records its duration under the message's id (one series per message, a small set).
    public func timeFit<T>(message: String, _ fit: () throws -> T) rethrows -> T {
        let started = ContinuousClock.now
        defer {
            Timer(label: Self.fitSeconds, dimensions: [("message", message)], factory: self.factory)
                .record(duration: started.duration(to: .now))
        }
        return try fit()
    }
}
