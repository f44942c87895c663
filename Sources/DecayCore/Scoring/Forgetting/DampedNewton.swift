import Foundation

/// A small Levenberg–Marquardt (damped Newton) minimiser for smooth objectives of a few dozen parameters.
/// Each step solves `(H + λ·diag) δ = -g`; λ follows the gain ratio (actual / predicted drop, Nielsen's rule),
/// so it moves like Newton where the quadratic model holds and like short gradient steps where it does not.
public struct DampedNewton: Sendable {
    /// Value, gradient and a (positive semi-definite where possible) Hessian at one point; the Hessian is row-major n×n.
    public struct Evaluation: Sendable {
        public var value: Double
        public var gradient: [Double]
        public var hessian: [Double]

        public init(value: Double, gradient: [Double], hessian: [Double]) {
            self.value = value
            self.gradient = gradient
            self.hessian = hessian
        }
    }

    /// Why the search stopped.
    public enum Stop: String, Sendable, Codable {
        /// The largest gradient component fell below the tolerance.
        case gradient
        /// Accepted steps stopped changing the value.
        case noProgress
        /// No step, however damped, lowers the value: a minimum to numerical precision.
        case stalled
        case iterationLimit
        /// The objective was not finite at the start.
        case notFinite
    }

    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var iterations: Int
        public var stop: Stop

        /// True unless the iteration limit was hit or the objective was not finite.
        public var converged: Bool { self.stop != .iterationLimit && self.stop != .notFinite }
    }

    public var maxIterations: Int
    /// Stop when every gradient component is below `gradientTolerance * max(1, |value|)`.
    public var gradientTolerance: Double
    /// Stop when an accepted step lowers the value by less than `valueTolerance * max(1, |value|)`.
    public var valueTolerance: Double
    /// No coordinate moves further than this in one step (the step is scaled down as a whole), so a flat direction
    /// cannot throw a weakly constrained parameter to the end of its range in one jump.
    public var maxStep: Double

    public init(maxIterations: Int = 200, gradientTolerance: Double = 1e-9, valueTolerance: Double = 1e-12, maxStep: Double = .infinity) {
        self.maxIterations = maxIterations
        self.gradientTolerance = gradientTolerance
        self.valueTolerance = valueTolerance
        self.maxStep = maxStep
    }

    /// Minimises from `start`; `evaluate` gives value, gradient and Hessian, `value` only the value. The first trial
    /// step of an iteration is evaluated in full (it is usually accepted, and then its derivatives are reused);
    /// retries after a rejected step use `value`.
    public func minimize(
        from start: [Double],
        evaluate: ([Double]) -> Evaluation,
        value: ([Double]) -> Double
    ) -> Result {
        var point = start
        var current = evaluate(point)
        guard current.value.isFinite else { return Result(point: point, value: current.value, iterations: 0, stop: .notFinite) }
        let count = point.count
        var damping = 1e-3
        var growth = 2.0
        var iteration = 0
        var quietSteps = 0
        while iteration < self.maxIterations {
            iteration += 1
            let scale = max(1, abs(current.value))
            if current.gradient.allSatisfy({ abs($0) <= self.gradientTolerance * scale }) {
                return Result(point: point, value: current.value, iterations: iteration, stop: .gradient)
            }
            var accepted = false
            var firstTrial = true
            while damping < 1e20 {
                var system = current.hessian
                for index in 0..<count {
                    let diagonal = system[index * count + index]
                    system[index * count + index] = diagonal + damping * max(abs(diagonal), 1e-8)
                }
                guard let solved = Self.solveCholesky(system, current.gradient.map { -$0 }) else {
                    damping *= growth
                    growth *= 2
                    continue
                }
                let step = self.bounded(solved)
                let trial = zip(point, step).map { $0 + $1 }
                let trialEvaluation = firstTrial ? evaluate(trial) : nil
                let trialValue = trialEvaluation?.value ?? value(trial)
                firstTrial = false
                let predicted = Self.predictedDrop(step: step, gradient: current.gradient, hessian: current.hessian)
                if trialValue.isFinite && trialValue < current.value {
                    let drop = current.value - trialValue
                    let gain = predicted > 0 ? drop / predicted : 1
                    point = trial
                    current = trialEvaluation ?? evaluate(point)
                    damping = max(damping * max(1.0 / 3, 1 - pow(2 * gain - 1, 3)), 1e-12)
                    growth = 2
                    accepted = true
                    quietSteps = drop <= self.valueTolerance * scale ? quietSteps + 1 : 0
                    break
                }
                damping *= growth
                growth *= 2
            }
            if !accepted {
                return Result(point: point, value: current.value, iterations: iteration, stop: .stalled)
            }
            if quietSteps >= 2 {
                return Result(point: point, value: current.value, iterations: iteration, stop: .noProgress)
            }
        }
        return Result(point: point, value: current.value, iterations: iteration, stop: .iterationLimit)
    }

    /// `step` scaled down so that no coordinate moves further than `maxStep`.
    func bounded(_ step: [Double]) -> [Double] {
        let largest = step.map(abs).max() ?? 0
        guard largest > self.maxStep else { return step }
        let factor = self.maxStep / largest
        return step.map { $0 * factor }
    }

    /// The drop the quadratic model predicts for `step`: `-(gᵀδ + ½ δᵀHδ)`.
    static func predictedDrop(step: [Double], gradient: [Double], hessian: [Double]) -> Double {
        let count = step.count
        var linear = 0.0
        var quadratic = 0.0
        for row in 0..<count {
            linear += gradient[row] * step[row]
            for column in 0..<count {
                quadratic += step[row] * hessian[row * count + column] * step[column]
            }
        }
        return -(linear + 0.5 * quadratic)
    }
}
