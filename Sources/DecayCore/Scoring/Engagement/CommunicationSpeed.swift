import Foundation

/// How fast a partner's people ack, overall and split by route: relays are expected to be slower,
/// and the gap shows what an intermediary layer costs.
public struct CommunicationSpeed: Sendable, Equatable, Hashable, Codable {
    /// Median over people of each person's median ack delay (seconds); each person counts once.
    public var overall: TimeInterval?
    /// The same over people reached directly (hops = 0).
    public var direct: TimeInterval?
    /// The same over people reached through relays (hops > 0).
    public var relayed: TimeInterval?
    /// People with an ack delay.
    public var people: Int
    /// People with an ack delay reached directly.
    public var directPeople: Int
    /// People with an ack delay reached through relays.
    public var relayedPeople: Int

    public init(inputs: [EngagementInputs]) {
        let timed = inputs.filter { $0.medianAckDelay?.isFinite == true }
        let direct = timed.filter(\.isDirect)
        let relayed = timed.filter { !$0.isDirect }
        self.overall = Median.of(durations: timed.compactMap(\.medianAckDelay))
        self.direct = Median.of(durations: direct.compactMap(\.medianAckDelay))
        self.relayed = Median.of(durations: relayed.compactMap(\.medianAckDelay))
        self.people = timed.count
        self.directPeople = direct.count
        self.relayedPeople = relayed.count
    }

    /// The overall median in hours when at least `Proportion.minimumPeople` people acked, else nil.
    public var displayHours: Double? {
        guard self.people >= Proportion.minimumPeople, let overall = self.overall else { return nil }
        return overall / 3600
    }
}
