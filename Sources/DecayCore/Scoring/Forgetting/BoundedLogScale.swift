import Foundation

/// Maps an unbounded optimiser coordinate `z` to a positive value in `[lower, upper]`, logistic on the log scale,
/// so the optimiser never leaves the search range and "ran to the boundary" is visible in the estimate.
struct BoundedLogScale: Sendable {
    let lower: Double
    let upper: Double
    let logLower: Double
    let logUpper: Double

    init(_ range: ClosedRange<Double>) {
        self.lower = range.lowerBound
        self.upper = range.upperBound
        self.logLower = log(range.lowerBound)
        self.logUpper = log(range.upperBound)
    }

    func logValue(_ coordinate: Double) -> Double {
        self.logLower + (self.logUpper - self.logLower) * Logistic.value(coordinate)
    }

    func value(_ coordinate: Double) -> Double {
        exp(self.logValue(coordinate))
    }

    /// d(log value)/dz, the chain-rule factor for gradients taken with respect to log value.
    func logDerivative(_ coordinate: Double) -> Double {
        let share = Logistic.value(coordinate)
        return (self.logUpper - self.logLower) * share * (1 - share)
    }

    /// The coordinate of `value`, pulled just inside the range.
    func coordinate(_ value: Double) -> Double {
        let share = (log(value) - self.logLower) / (self.logUpper - self.logLower)
        return Logistic.logit(min(max(share, 1e-6), 1 - 1e-6))
    }
}

/// The logistic function and its inverse, for parameters that live in (0, 1).
enum Logistic {
    static func value(_ coordinate: Double) -> Double {
        coordinate >= 0 ? 1 / (1 + exp(-coordinate)) : exp(coordinate) / (1 + exp(coordinate))
    }

    static func logit(_ probability: Double) -> Double {
        log(probability / (1 - probability))
    }
}
