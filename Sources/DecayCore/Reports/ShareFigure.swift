import Foundation

/// A `Proportion` as reports print and serialise it: counts always, the rate and its Wilson interval only
/// when the display rule allows (3 people or more), and the text a table shows (`62% (52–71%)` or `n<3`).
public struct ShareFigure: Sendable, Equatable, Codable {
    public var successes: Int
    public var trials: Int
    public var people: Int
    /// Nil under the display rule or without trials.
    public var rate: Double?
    public var low: Double?
    public var high: Double?
    public var text: String

    public init(_ proportion: Proportion) {
        self.successes = proportion.successes
        self.trials = proportion.trials
        self.people = proportion.people
        self.rate = proportion.displayRate
        let interval = proportion.displayRate == nil ? nil : proportion.wilson()
        self.low = interval?.lower
        self.high = interval?.upper
        self.text = proportion.trials == 0 ? "-" : proportion.displayText()
    }
}
