import Foundation

extension DampedNewton {
    /// Solves `A x = b` for a symmetric positive-definite row-major `A` by Cholesky factorisation;
    /// nil when `A` is not positive definite, which tells the caller to damp more.
    static func solveCholesky(_ matrix: [Double], _ rhs: [Double]) -> [Double]? {
        let count = rhs.count
        var lower = [Double](repeating: 0, count: count * count)
        for row in 0..<count {
            for column in 0...row {
                var sum = matrix[row * count + column]
                for inner in 0..<column {
                    sum -= lower[row * count + inner] * lower[column * count + inner]
                }
                if row == column {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[row * count + row] = sum.squareRoot()
                } else {
                    lower[row * count + column] = sum / lower[column * count + column]
                }
            }
        }
        var forward = rhs
        for row in 0..<count {
            var sum = forward[row]
            for inner in 0..<row {
                sum -= lower[row * count + inner] * forward[inner]
            }
            forward[row] = sum / lower[row * count + row]
        }
        var solution = forward
        for row in stride(from: count - 1, through: 0, by: -1) {
            var sum = solution[row]
            for inner in (row + 1)..<count {
                sum -= lower[inner * count + row] * solution[inner]
            }
            solution[row] = sum / lower[row * count + row]
        }
        return solution.allSatisfy(\.isFinite) ? solution : nil
    }
}
