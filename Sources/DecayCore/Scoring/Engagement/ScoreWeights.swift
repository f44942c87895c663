import Foundation

/// How the 0–100 partner score mixes its parts; the defaults are the documented product weights
/// (docs/scoring-engagement.md) and a deployment may override them.
public struct ScoreWeights: Sendable, Equatable, Hashable, Codable {
    /// Weight of the response rate (default 0.30).
    public var responseRate: Double
    /// Weight of the ack rate (default 0.25).
    public var ackRate: Double
    /// Weight of the speed score (default 0.20).
    public var speed: Double
    /// Weight of quiz recall (default 0.25).
    public var recall: Double
    /// Median ack delay at which the speed score reaches 0 (default 72 hours).
    public var speedHorizon: TimeInterval

    /// The product defaults: 30% response, 25% ack, 20% speed, 25% recall; speed 0 at 72 h.
    public static let standard = ScoreWeights(responseRate: 0.30, ackRate: 0.25, speed: 0.20, recall: 0.25)

    public init(
        responseRate: Double, ackRate: Double, speed: Double, recall: Double, speedHorizon: TimeInterval = 72 * 3600
    ) {
        self.responseRate = responseRate
        self.ackRate = ackRate
        self.speed = speed
        self.recall = recall
        self.speedHorizon = speedHorizon
    }

    /// `clamp(1 − median ack delay / horizon, 0, 1)`: 1 for instant acks, 0 at or beyond the horizon.
    public func speedScore(medianAckDelay: TimeInterval) -> Double {
        guard self.speedHorizon > 0 else { return 0 }
        return min(max(1 - medianAckDelay / self.speedHorizon, 0), 1)
    }

    /// `100 · Σ wᵢ·partᵢ / Σ wᵢ` over the parts that are present (each 0...1); a missing part drops out and
    /// the others are re-weighted, so a partner never quizzed is not scored as if it answered wrong.
    /// Nil when no part with a positive weight is present.
    public func score(responseRate: Double?, ackRate: Double?, speed: Double?, recall: Double?) -> Double? {
        let parts: [(weight: Double, value: Double?)] = [
            (self.responseRate, responseRate), (self.ackRate, ackRate), (self.speed, speed), (self.recall, recall),
        ]
        var weighted = 0.0
        var totalWeight = 0.0
        for part in parts {
            guard let value = part.value, value.isFinite, part.weight > 0 else { continue }
            weighted += part.weight * min(max(value, 0), 1)
            totalWeight += part.weight
        }
        guard totalWeight > 0 else { return nil }
        return 100 * weighted / totalWeight
    }
}
