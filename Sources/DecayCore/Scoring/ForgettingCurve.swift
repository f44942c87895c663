import Foundation

/// The recall model of DESIGN.md: `P(correct) = g + (1-g) * a * rho^hops * (1 + c*t/h)^(-d)`,
/// with `c = 2^(1/d) - 1` so that the learned part halves at the half-life `h` (days).
public struct ForgettingCurve: Sendable, Equatable, Codable {
    /// Initial learning: share of the point taken in at delivery (0...1).
    public var initial: Double
    /// Days until the learned part halves.
    public var halfLife: Double
    /// Retention per relay hop (0...1).
    public var rho: Double
    /// Power-law shape; larger means a longer tail.
    public var shape: Double

    public init(initial: Double, halfLife: Double, rho: Double, shape: Double = 1) {
        self.initial = initial
        self.halfLife = halfLife
        self.rho = rho
        self.shape = shape
    }

    /// Probability that a person still knows the point `days` after a delivery over `hops` relays,
    /// answering a question with guessing floor `guess` (1/options; 0 for free text).
    public func recall(days: Double, hops: Int, guess: Double = 0) -> Double {
        let c = pow(2, 1 / self.shape) - 1
        let learned = self.initial * pow(self.rho, Double(hops)) * pow(1 + c * max(days, 0) / self.halfLife, -self.shape)
        return guess + (1 - guess) * learned
    }
}
