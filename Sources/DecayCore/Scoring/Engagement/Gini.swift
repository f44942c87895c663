import Foundation

/// The Gini coefficient of non-negative scores: 0 when all are equal, `(n−1)/n` when one holds everything.
/// Used for disparity between partners: a high value means a few partners carry the channel.
public enum Gini {
    /// `G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)`, computed on the sorted values as `Σ (2i − n − 1) x₍ᵢ₎ / (n Σ x)`.
    /// Nil for an empty list or any negative or non-finite value; 0 when all values are 0 (all equal).
    public static func coefficient(_ values: [Double]) -> Double? {
        guard !values.isEmpty, values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let total = values.reduce(0, +)
        guard total > 0 else { return 0 }
        let sorted = values.sorted()
        let n = Double(sorted.count)
        var weighted = 0.0
        for (index, value) in sorted.enumerated() {
            weighted += (2 * Double(index + 1) - n - 1) * value
        }
        return weighted / (n * total)
    }
}
