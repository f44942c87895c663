/// Who gets re-asked what in the re-check simulation.
public enum RecheckSimulationPolicy: String, Sendable, CaseIterable, Codable {
    /// The initial quiz only.
    case none
    /// Qstream-like spaced reinforcement per (rep, key point): ``FixedSchedule``.
    case fixed
    /// Today's digest rule: when a message's population curve projects recall below the target, everybody who
    /// received it is re-asked its weakest points.
    case population
    /// The model under test: each rep re-asked when their own predicted recall (``PersonalRecallModel``) falls below
    /// the target, through the planner's decision rule.
    case personal = "per-rep"

    /// Whether silent reps get reminders about the initial quiz (every policy that re-checks does).
    public var nudges: Bool { self != .none }
}
