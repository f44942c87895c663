import Foundation

/// Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7,
/// the default of R's `quantile` and numpy's `quantile`), so numbers match what analysts reproduce.
public enum Quantile {
    /// The `p`-quantile (0...1) of `values`; nil when there are no finite values or `p` is outside 0...1.
    /// Non-finite values are ignored: they are not measurements.
    public static func of(_ values: [Double], _ p: Double) -> Double? {
        guard p >= 0, p <= 1 else { return nil }
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let position = Double(sorted.count - 1) * p
        let lowerIndex = Int(position.rounded(.down))
        let upperIndex = min(lowerIndex + 1, sorted.count - 1)
        let fraction = position - Double(lowerIndex)
        return sorted[lowerIndex] + fraction * (sorted[upperIndex] - sorted[lowerIndex])
    }

    /// Several quantiles at once, in the order of `ps`; nil entries as for `of(_:_:)`.
    public static func of(_ values: [Double], _ ps: [Double]) -> [Double?] {
        ps.map { Self.of(values, $0) }
    }
}
