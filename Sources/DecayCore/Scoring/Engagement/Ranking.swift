import Foundation

/// Standard competition ranking ("1224"): 1 = best, equal values share a rank and the next rank skips,
/// so a partner's rank always says how many others did strictly better.
public enum Ranking {
    /// Ranks of `values` by id; ids with a nil value get no rank.
    public static func ranks<ID: Hashable>(_ values: [ID: Double?], higherIsBetter: Bool = true) -> [ID: Int] {
        let present = values.compactMap { id, value in value.map { (id: id, value: $0) } }
            .filter { $0.value.isFinite }
            .sorted { higherIsBetter ? $0.value > $1.value : $0.value < $1.value }
        var ranks: [ID: Int] = [:]
        var previous: Double?
        var rank = 0
        for (index, entry) in present.enumerated() {
            if entry.value != previous {
                rank = index + 1
                previous = entry.value
            }
            ranks[entry.id] = rank
        }
        return ranks
    }

    /// Each partner's rank on `metric` among partners of the same category (direction from the metric);
    /// partners whose value is hidden by the display rule get no rank.
    public static func withinCategory(_ partners: [PartnerEngagement], by metric: Metric = .score) -> [String: Int] {
        var result: [String: Int] = [:]
        for group in Dictionary(grouping: partners, by: \.category).values {
            let values = Dictionary(group.map { ($0.partner, $0.value(of: metric)) }, uniquingKeysWith: { first, _ in first })
            result.merge(Self.ranks(values, higherIsBetter: metric.higherIsBetter)) { first, _ in first }
        }
        return result
    }
}
