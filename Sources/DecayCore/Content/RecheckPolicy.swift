/// How a message's re-checks run (front matter `recheck: {target: 0.7, questions: 2, min_days: 7}`, or `recheck: off`):
/// a rep is due when the predicted recall of a key point falls below `target`; a re-check asks at most `questions`
/// questions on the weakest points; a question answered right within `minDays` is not asked again.
public struct RecheckPolicy: Sendable, Equatable, Codable {
    /// What a message without a `recheck:` entry gets.
    public static let standard = RecheckPolicy(target: 0.7, questions: 2, minDays: 7)
    public static let targets = 0.05...0.99
    public static let questionCounts = 1...3
    public static let minDayRange = 1...365

    public var target: Double
    public var questions: Int
    public var minDays: Int

    public init(target: Double, questions: Int, minDays: Int) {
        self.target = target
        self.questions = questions
        self.minDays = minDays
    }
}
