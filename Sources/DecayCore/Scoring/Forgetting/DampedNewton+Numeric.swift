import Foundation

extension DampedNewton {
    /// Central-difference gradient and Hessian of `function`, for objectives without analytic derivatives
    /// (2n² + 1 evaluations per point, so for small n only). `step` is relative to each coordinate's size.
    public static func numericEvaluation(of function: ([Double]) -> Double, at point: [Double], step: Double = 1e-4) -> Evaluation {
        let count = point.count
        let center = function(point)
        let steps = point.map { step * max(1, abs($0)) }
        func shifted(_ moves: [(Int, Double)]) -> Double {
            var moved = point
            for (index, sign) in moves {
                moved[index] += sign * steps[index]
            }
            return function(moved)
        }
        var gradient = [Double](repeating: 0, count: count)
        var hessian = [Double](repeating: 0, count: count * count)
        for row in 0..<count {
            let plus = shifted([(row, 1)])
            let minus = shifted([(row, -1)])
            gradient[row] = (plus - minus) / (2 * steps[row])
            hessian[row * count + row] = (plus - 2 * center + minus) / (steps[row] * steps[row])
            for column in 0..<row {
                let mixed = (shifted([(row, 1), (column, 1)]) - shifted([(row, 1), (column, -1)])
                    - shifted([(row, -1), (column, 1)]) + shifted([(row, -1), (column, -1)])) / (4 * steps[row] * steps[column])
                hessian[row * count + column] = mixed
                hessian[column * count + row] = mixed
            }
        }
        return Evaluation(value: center, gradient: gradient, hessian: hessian)
    }

    /// Minimises a plain function with numeric derivatives; convenient for small problems and tests.
    public func minimize(from start: [Double], function: ([Double]) -> Double) -> Result {
        self.minimize(
            from: start,
            evaluate: { Self.numericEvaluation(of: function, at: $0) },
            value: function
        )
    }
}
