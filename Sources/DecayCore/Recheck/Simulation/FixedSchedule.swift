/// The fixed re-ask schedule of spaced-reinforcement tools such as Qstream, for one (rep, key point): re-ask 12 days
/// after a wrong answer, 24 after a right one, retired after two right in a row.
public struct FixedSchedule: Sendable, Equatable {
    public static let afterWrong = 12
    public static let afterRight = 24
    public static let retiredAfter = 2

    /// Day of the next question; nil while one is out or once retired.
    public private(set) var nextAsk: Int?
    public private(set) var rightInARow = 0
    public var retired: Bool { self.rightInARow >= Self.retiredAfter }

    /// A schedule whose first question goes out on `day`.
    public init(firstAsk day: Int) {
        self.nextAsk = day
    }

    /// A question went out; nothing more is sent until it is answered or known to stay unanswered.
    public mutating func asked() {
        self.nextAsk = nil
    }

    /// The rep answered on `day`.
    public mutating func answered(correct: Bool, on day: Int) {
        self.rightInARow = correct ? self.rightInARow + 1 : 0
        self.nextAsk = self.retired ? nil : day + (correct ? Self.afterRight : Self.afterWrong)
    }

    /// The question sent on `day` was never answered: asked again as after a wrong answer.
    public mutating func unanswered(sentOn day: Int) {
        self.nextAsk = day + Self.afterWrong
    }
}
