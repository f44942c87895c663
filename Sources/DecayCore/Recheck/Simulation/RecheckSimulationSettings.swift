/// What one re-check simulation runs: its size, its seed and the re-check settings every policy shares.
public struct RecheckSimulationSettings: Sendable, Equatable, Codable {
    public var reps: Int
    public var days: Int
    public var seed: UInt64
    /// The product's per-message re-check policy (target, questions per re-check, `min_days`); the defaults are its own.
    public var policy: RecheckPolicy
    /// Messages broadcast over the run (evenly spread over its first three quarters) and key points per message.
    public var messages: Int
    public var keyPointsPerMessage: Int
    /// Days between two re-checks of one rep (the product's weekly cap; nudges count).
    public var capDays: Int
    /// Working days after an unanswered initial quiz at which a silent rep is reminded.
    public var nudgeAfter: [Int]
    /// Days between refits of the population curves and the personal model.
    public var refitDays: Int
    /// The population rule's look-ahead (the digest's): a message is due when its projection falls below the target
    /// within this many days.
    public var lookaheadDays: Int
    /// Fewest graded answers to fit the personal model on (the planner's), and most it is fitted on (an even sample).
    public var minimumAnswers: Int
    public var maximumFitAnswers: Int

    public init(
        reps: Int = 2_000, days: Int = 180, seed: UInt64 = 1, policy: RecheckPolicy = .standard, messages: Int = 3,
        keyPointsPerMessage: Int = 3, capDays: Int = 7, nudgeAfter: [Int] = [3, 5], refitDays: Int = 7, lookaheadDays: Int = 7,
        minimumAnswers: Int = 50, maximumFitAnswers: Int = 10_000
    ) {
        self.reps = reps
        self.days = days
        self.seed = seed
        self.policy = policy
        self.messages = messages
        self.keyPointsPerMessage = keyPointsPerMessage
        self.capDays = capDays
        self.nudgeAfter = nudgeAfter
        self.refitDays = refitDays
        self.lookaheadDays = lookaheadDays
        self.minimumAnswers = minimumAnswers
        self.maximumFitAnswers = maximumFitAnswers
    }

    /// Day 0 is a Monday; Saturdays and Sundays are not working days.
    static func isWorkingDay(_ day: Int) -> Bool {
        day % 7 < 5
    }

    /// The `count`-th working day after `day` (`day` itself, or the next working day, for 0).
    static func workingDays(_ count: Int, after day: Int) -> Int {
        var current = day
        while !self.isWorkingDay(current) { current += 1 }
        var left = count
        while left > 0 {
            current += 1
            if self.isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The day message `index` is broadcast: evenly spread over the first three quarters of the run, on a working day.
    func deliveryDay(_ index: Int) -> Int {
        Self.workingDays(0, after: index * self.days / (self.messages + 1))
    }
}
