import DecayCore
import Foundation

/// How the re-check scheduler runs: the weekly cap on contacts per rep (re-checks and reminders together), when
/// silent reps are reminded, and how often a pass runs in `decay serve`.
public struct RecheckSettings: Sendable, Equatable {
    public static let standard = RecheckSettings(perWeek: 1, nudges: .standard, interval: .seconds(900))
    public static let perWeekRange = 1...7

    public var perWeek: Int
    public var nudges: NudgeRules
    public var interval: Duration

    public init(perWeek: Int, nudges: NudgeRules, interval: Duration) {
        self.perWeek = perWeek
        self.nudges = nudges
        self.interval = interval
    }
}
