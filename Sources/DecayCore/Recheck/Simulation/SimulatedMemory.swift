import Foundation

/// One simulated rep's true memory of one key point, the simulation's ground truth: the probability of knowing the
/// point decays as a power law from the latest (re)learning. Written apart from the models under test on purpose.
public struct SimulatedMemory: Sendable, Equatable {
    /// Probability of knowing right after the latest (re)learning.
    public var strength: Double
    /// Days until that probability halves.
    public var stability: Double
    /// Day of the latest (re)learning (fractional days since the start of the run).
    public var since: Double

    public init(strength: Double, stability: Double, since: Double) {
        self.strength = strength
        self.stability = stability
        self.since = since
    }

    /// Probability of knowing the point on `day`: `strength · (1 + c Δ / stability)^(-d)`, `c = 2^(1/d) - 1`.
    public func knowing(on day: Double) -> Double {
        let shape = RecallTruth.shape
        let c = pow(2, 1 / shape) - 1
        return self.strength * pow(1 + c * max(day - self.since, 0) / self.stability, -shape)
    }
}
