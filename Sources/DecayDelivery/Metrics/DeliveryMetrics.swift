import DecayCore
import DecayStore
import Metrics

/// Outbox delivery attempts by chat format and result, and how long each attempt took on the wire.
/// Series for the known formats are made once, so recording one is a dictionary lookup and an update.
public struct DeliveryMetrics: Sendable {
    /// Counter labelled `format` and `result` (`delivered`, `retry`, `dead`).
    public static let attempts = "decay_delivery_attempts_total"
    /// Histogram of seconds per attempt that reached the network, labelled `format`.
    public static let attemptSeconds = "decay_delivery_attempt_seconds"

    public enum AttemptResult: String, Sendable, CaseIterable {
        case delivered, retry, dead

        /// A 410 (`gone`) kills the post, so it counts as dead.
        init(_ result: OutboxResult) {
            switch result {
            case .delivered: self = .delivered
            case .retry: self = .retry
            case .dead, .gone: self = .dead
            }
        }
    }

    private struct Key: Hashable {
        var format: String
        var result: AttemptResult
    }

    private let factory: any MetricsFactory
    private let counters: [Key: Counter]
    private let timers: [String: Timer]

    /// Without a factory the process-wide one is used, which records nothing unless it was bootstrapped.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
        var counters: [Key: Counter] = [:]
        var timers: [String: Timer] = [:]
        for format in ChatFormat.allCases.map(\.rawValue) {
            for result in AttemptResult.allCases {
                counters[Key(format: format, result: result)] = Self.counter(format: format, result: result, factory: factory)
            }
            timers[format] = Self.timer(format: format, factory: factory)
        }
        self.counters = counters
        self.timers = timers
    }

    /// Counts one attempt's outcome, as the worker is about to record it.
    func attempted(format: String, result: OutboxResult) {
        let result = AttemptResult(result)
        let counter = self.counters[Key(format: format, result: result)] ?? Self.counter(format: format, result: result, factory: self.factory)
        counter.increment()
    }

    /// Records how long one attempt took, from handing it to libcurl to its completion.
    func sent(format: String, in duration: Duration) {
        (self.timers[format] ?? Self.timer(format: format, factory: self.factory)).record(duration: duration)
    }

    private static func counter(format: String, result: AttemptResult, factory: any MetricsFactory) -> Counter {
        Counter(label: Self.attempts, dimensions: [("format", format), ("result", result.rawValue)], factory: factory)
    }

    private static func timer(format: String, factory: any MetricsFactory) -> Timer {
        Timer(label: Self.attemptSeconds, dimensions: [("format", format)], factory: factory)
    }
}
