import Foundation

/// What the re-check simulation measured per policy, and the verdict against the goal.
public struct RecheckSimulationResult: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var policy: RecheckSimulationPolicy
        /// Questions sent per rep over the run, the initial quizzes included; and the re-check questions alone.
        public var questionsPerRep: Double
        public var recheckQuestionsPerRep: Double
        /// Questions answered per rep.
        public var answersPerRep: Double
        /// The truth model's probability of knowing, averaged over every rep, key point and day after its delivery.
        public var meanRecall: Double
        /// Share of those (rep, key point, day) cells whose probability of knowing is below the target.
        public var belowTarget: Double
        /// Reminders sent to reps silent on an initial quiz.
        public var nudges: Int
    }

    /// "per-rep keeps mean true recall at least as high as fixed with at least 30% fewer questions".
    public struct Verdict: Sendable, Equatable, Codable {
        public static let questionReductionGoal = 0.3
        public var met: Bool
        /// Per-rep's mean true recall minus fixed's (percentage points × 100 is the table's unit).
        public var recallDifference: Double
        /// 1 - per-rep's questions per rep / fixed's.
        public var questionReduction: Double
    }

    /// The per-rep model's predicted recall at every (rep, key point) it judged, against the truth's probability of
    /// knowing at the same time: how well the model under test sees what it is meant to see. Zero without decisions.
    public struct ModelCheck: Sendable, Equatable, Codable {
        public var decisions: Int
        public var meanPredicted: Double
        public var meanTruth: Double
        public var rootMeanSquaredError: Double
        /// Pearson correlation of prediction and truth.
        public var correlation: Double
    }

    public var settings: RecheckSimulationSettings
    public var rows: [Row]
    public var verdict: Verdict
    /// How the personal model was last fitted.
    public var model: String
    public var check: ModelCheck

    init(settings: RecheckSimulationSettings, rows: [Row], model: String, check: ModelCheck) {
        self.settings = settings
        self.rows = rows
        self.model = model
        self.check = check
        let fixed = rows.first { $0.policy == .fixed }
        let personal = rows.first { $0.policy == .personal }
        let difference = (personal?.meanRecall ?? .nan) - (fixed?.meanRecall ?? .nan)
        let reduction = 1 - (personal?.questionsPerRep ?? .nan) / (fixed?.questionsPerRep ?? .nan)
        self.verdict = Verdict(
            met: difference >= 0 && reduction >= Verdict.questionReductionGoal, recallDifference: difference, questionReduction: reduction)
    }

    /// The table and the verdict in words, as `decay bench recheck` prints them.
    public var summary: String {
        let s = self.settings
        var lines = [
            String(format: "re-check simulation: %d reps, %d days, %d messages × %d key points, seed %llu; target %.2f, up to %d questions per re-check, min_days %d, one re-check per rep per %d days",
                   s.reps, s.days, s.messages, s.keyPointsPerMessage, s.seed, s.policy.target, s.policy.questions, s.policy.minDays, s.capDays),
            "per-rep model: " + self.model,
            String(format: "per-rep predictions at its %d decisions against the truth: mean %.3f predicted, %.3f true; RMSE %.3f; correlation %.3f",
                   self.check.decisions, self.check.meanPredicted, self.check.meanTruth, self.check.rootMeanSquaredError, self.check.correlation),
            "",
            "| policy | questions/rep | re-check questions/rep | answers/rep | mean true recall | rep-point-days below target | nudges |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in self.rows {
            lines.append(String(format: "| %@ | %.1f | %.1f | %.1f | %.1f%% | %.1f%% | %d |", row.policy.rawValue, row.questionsPerRep,
                                row.recheckQuestionsPerRep, row.answersPerRep, row.meanRecall * 100, row.belowTarget * 100, row.nudges))
        }
        let v = self.verdict
        lines.append("")
        lines.append(String(
            format: "goal (per-rep keeps mean true recall at least as high as fixed with at least %.0f%% fewer questions): %@: recall %+.1f points against fixed, %.1f%% %@ questions",
            Verdict.questionReductionGoal * 100, v.met ? "MET" : "MISSED", v.recallDifference * 100, abs(v.questionReduction) * 100,
            v.questionReduction >= 0 ? "fewer" : "more"))
        return lines.joined(separator: "\n")
    }
}
