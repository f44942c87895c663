import Foundation

/// Refits a bootstrap resample by plain Newton steps on the score with the Fisher information (no line search,
/// no logarithms): from the full fit's optimum, a resample's optimum is a small step away. Trusted only while every
/// step is shorter than the one before and the end point lowers the objective; otherwise (or when the steps do not
/// settle within `maxSteps`) the damped search refits from the start.
struct FisherScoring: Sendable {
    var maxSteps = 12
    /// Converged when every gradient component is below `gradientTolerance * max(1, |value at the start|)`,
    /// the same rule as ``DampedNewton`` (whose value changes little over a refit).
    var gradientTolerance = 1e-9
    var fallback: DampedNewton

    func refit(_ objective: ForgettingObjective, from start: [Double]) -> DampedNewton.Result {
        let startValue = objective.value(start)
        let scale = max(1, abs(startValue))
        var point = start
        var lastStep = Double.infinity
        for step in 1...self.maxSteps {
            let current = objective.scoreAndInformation(point)
            if current.gradient.allSatisfy({ abs($0) <= self.gradientTolerance * scale }) {
                let value = objective.value(point)
                guard value <= startValue else { break }
                return DampedNewton.Result(point: point, value: value, iterations: step, stop: .gradient)
            }
            guard let delta = DampedNewton.solveCholesky(current.hessian, current.gradient.map { -$0 }) else { break }
            let size = delta.map(abs).max() ?? 0
            let next = zip(point, delta).map { $0 + $1 }
            guard next.allSatisfy(\.isFinite), size < lastStep else { break }
            lastStep = size
            point = next
        }
        return self.fallback.minimize(from: start, evaluate: { objective.evaluate($0) }, value: { objective.value($0) })
    }
}
