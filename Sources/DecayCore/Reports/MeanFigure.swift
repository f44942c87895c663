import Foundation

/// A mean of whole-number answers with its 95% Student-t interval (kept within the scale's ends when given), shown
/// only from 3 people or more.
public struct MeanFigure: Sendable, Equatable, Codable {
    public var people: Int
    /// Nil under the display rule (fewer than 3 people).
    public var mean: Double?
    public var low: Double?
    public var high: Double?

    public init(_ values: [Double], within bounds: ClosedRange<Double>? = nil) {
        self.people = values.count
        guard values.count >= Proportion.minimumPeople else { return }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = StudentT.quantile975(degreesOfFreedom: values.count - 1) * (variance / n).squareRoot()
        self.mean = mean
        self.low = bounds.map { max($0.lowerBound, mean - half) } ?? mean - half
        self.high = bounds.map { min($0.upperBound, mean + half) } ?? mean + half
    }
}

/// Quantiles of Student's t distribution for two-sided 95% intervals.
public enum StudentT {
    /// t(0.975, df) for df 1...30, from the standard tables.
    static let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    /// Above 30 degrees of freedom, the Cornish–Fisher expansion around the normal quantile (error below 0.001).
    public static func quantile975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "at least one degree of freedom")
        if df <= self.table.count { return self.table[df - 1] }
        let z = Proportion.z95
        let v = Double(df)
        let z3 = z * z * z
        let z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }
}
