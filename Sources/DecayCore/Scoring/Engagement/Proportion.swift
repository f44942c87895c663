import Foundation

/// A share of successes out of trials (acks out of deliveries, correct out of quiz answers), with the
/// number of people behind it, so that the display rule can refuse a percentage from fewer than 3 people.
public struct Proportion: Sendable, Equatable, Hashable, Codable {
    /// Fewest people a percentage may be shown from (DESIGN.md, "Scoring").
    public static let minimumPeople = 3
    /// Standard normal quantile for a two-sided 95% interval, `Φ⁻¹(0.975)`.
    public static let z95 = 1.959963984540054
    /// Standard normal quantile for a two-sided 90% interval, `Φ⁻¹(0.95)`.
    public static let z90 = 1.6448536269514722
    /// Standard normal quantile for a two-sided 99% interval, `Φ⁻¹(0.995)`.
    public static let z99 = 2.5758293035489004
    /// What is shown instead of a percentage from fewer than `minimumPeople` people.
    public static let tooFewText = "n<3"

    public var successes: Int
    public var trials: Int
    /// Distinct people who contributed trials; equals `trials` when each person is one trial.
    public var people: Int

    /// Counts are clamped to `0 <= successes <= trials`, so bad upstream counts cannot give rates above 1.
    public init(successes: Int, trials: Int, people: Int? = nil) {
        self.trials = max(trials, 0)
        self.successes = min(max(successes, 0), self.trials)
        self.people = max(people ?? self.trials, 0)
    }

    /// The observed share `successes / trials`; nil when there are no trials.
    public var rate: Double? {
        self.trials > 0 ? Double(self.successes) / Double(self.trials) : nil
    }

    /// Whether the display rule allows showing this share: at least `minimumPeople` people and one trial.
    public var isDisplayable: Bool {
        self.trials > 0 && self.people >= Self.minimumPeople
    }

    /// The share when the display rule allows it, else nil; use this for anything a user sees.
    public var displayRate: Double? {
        self.isDisplayable ? self.rate : nil
    }

    /// The Wilson score interval (Wilson 1927) for `z` (1.96 = 95%); nil without trials.
    /// `(p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)`, which stays inside 0...1 and is sane at 0 and n.
    public func wilson(z: Double = Proportion.z95) -> Interval? {
        guard self.trials > 0 else { return nil }
        let n = Double(self.trials)
        let p = Double(self.successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let lower = self.successes == 0 ? 0 : max(0, center - half)
        let upper = self.successes == self.trials ? 1 : min(1, center + half)
        return Interval(lower: lower, upper: upper)
    }

    /// Text for a digest or table: `"62% (52–71%)"`, or `"n<3"` under the display rule.
    public func displayText(z: Double = Proportion.z95) -> String {
        guard let rate = self.displayRate, let interval = self.wilson(z: z) else { return Self.tooFewText }
        return "\(Self.percent(rate))% (\(Self.percent(interval.lower))–\(Self.percent(interval.upper))%)"
    }

    /// A share as a whole percentage, rounded half away from zero.
    static func percent(_ share: Double) -> Int {
        Int((share * 100).rounded())
    }

    /// A two-sided confidence interval for a share, both ends within 0...1.
    public struct Interval: Sendable, Equatable, Hashable, Codable {
        public var lower: Double
        public var upper: Double

        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }

        public var width: Double { self.upper - self.lower }
    }
}
