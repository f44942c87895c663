import Foundation

/// Projects a group's knowledge of one key point over time: the mean over its people of the fitted curve
/// `a · rho^hops · (1 + c·t/h)^(-d)` (no guessing floor), with `t` the days since each person's delivery.
/// It only falls with time, so the day it crosses a threshold is found by bisection.
struct RecallOutlook: Sendable {
    var curve: ForgettingCurve
    var deliveries: [(at: Date, hops: Int)]

    /// The mean projected share still knowing the point at `date`; nil without deliveries.
    func projected(at date: Date) -> Double? {
        guard !self.deliveries.isEmpty else { return nil }
        let total = self.deliveries.reduce(0.0) { sum, delivery in
            sum + self.curve.recall(days: date.timeIntervalSince(delivery.at) / 86_400, hops: delivery.hops)
        }
        return total / Double(self.deliveries.count)
    }

    /// The first instant, to the minute, from the earliest delivery up to `until` at which the projection is below
    /// `threshold`; nil when it stays at or above it until then.
    func crossing(below threshold: Double, until: Date) -> Date? {
        guard var low = self.deliveries.map(\.at).min(), let end = self.projected(at: until), end < threshold else { return nil }
        if let start = self.projected(at: low), start < threshold { return low }
        var high = until
        while high.timeIntervalSince(low) > 60 {
            let middle = low.addingTimeInterval(high.timeIntervalSince(low) / 2)
            if let value = self.projected(at: middle), value < threshold {
                high = middle
            } else {
                low = middle
            }
        }
        return high
    }
}
