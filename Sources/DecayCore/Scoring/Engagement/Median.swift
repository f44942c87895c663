import Foundation

/// The median, used for ack delays because a few reps who ack after a holiday would drag a mean.
public enum Median {
    /// The middle value (mean of the two middle values for an even count); nil for no finite values.
    public static func of(_ values: [Double]) -> Double? {
        Quantile.of(values, 0.5)
    }

    /// The median of durations in seconds, e.g. ack delays.
    public static func of(durations: [TimeInterval]) -> TimeInterval? {
        Quantile.of(durations, 0.5)
    }
}
