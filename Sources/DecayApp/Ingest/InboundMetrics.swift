import DecayStore
import Metrics

/// Counts inbound events by source and by what became of them. The counters are made once, so counting an
/// event is a dictionary lookup and an atomic increment.
///
///     metrics.count(.events, outcome)     // accepted, duplicate or rejected, from the stored outcome
///     metrics.count(.slack, .invalid)     // refused before storage
public struct InboundMetrics: Sendable {
    /// Counter labelled `source` and `outcome`.
    public static let events = "decay_inbound_events_total"

    public enum Source: String, Sendable, CaseIterable {
        case events, slack, typeform, page
    }

    public enum Outcome: String, Sendable, CaseIterable {
        /// Stored and applied.
        case accepted
        /// A repeat of a stored request; nothing changed.
        case duplicate
        /// Stored but not applied (unknown person, survey or message); can be replayed.
        case rejected
        /// Refused before storage: bad or missing signature, malformed body, source not configured, form errors.
        case invalid

        /// What a stored outcome counts as; a repeat counts as a duplicate whatever the original became.
        public init(_ outcome: IngestOutcome) {
            if outcome.duplicate {
                self = .duplicate
            } else {
                self = outcome.status == .rejected ? .rejected : .accepted
            }
        }
    }

    private struct Key: Hashable {
        var source: Source
        var outcome: Outcome
    }

    private let counters: [Key: Counter]

    /// Without a factory the process-wide one is used, which records nothing unless it was bootstrapped.
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        var counters: [Key: Counter] = [:]
        for source in Source.allCases {
            for outcome in Outcome.allCases {
                let dimensions = [("source", source.rawValue), ("outcome", outcome.rawValue)]
                counters[Key(source: source, outcome: outcome)] = Counter(label: Self.events, dimensions: dimensions, factory: factory)
            }
        }
        self.counters = counters
    }

    public func count(_ source: Source, _ outcome: Outcome) {
        self.counters[Key(source: source, outcome: outcome)]?.increment()
    }

    public func count(_ source: Source, _ outcome: IngestOutcome) {
        self.count(source, Outcome(outcome))
    }
}
