import Foundation

/// The Pareto view of a partner: how much of its reps' activity comes from its busiest few.
public enum TopShare {
    /// Share of the total held by the `top` largest values; nil when there are no more than `top` values
    /// (the answer would be 100% by construction), the total is 0, or a value is negative or non-finite.
    public static func share(of activity: [Double], top: Int = 3) -> Double? {
        guard top > 0, activity.count > top, activity.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let total = activity.reduce(0, +)
        guard total > 0 else { return nil }
        let leaders = activity.sorted(by: >).prefix(top).reduce(0, +)
        return leaders / total
    }

    /// The fewest contributors whose activity reaches `share` (0...1) of the total, e.g. "3 reps do 80%";
    /// nil when the total is 0 or the input is invalid.
    public static func contributors(covering share: Double, of activity: [Double]) -> Int? {
        guard share >= 0, share <= 1, activity.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let total = activity.reduce(0, +)
        guard total > 0 else { return nil }
        var running = 0.0
        for (index, value) in activity.sorted(by: >).enumerated() {
            running += value
            if running >= share * total * (1 - 1e-12) {
                return index + 1
            }
        }
        return activity.count
    }
}
