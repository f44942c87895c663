import ArgumentParser
import DecayCore
import Foundation

/// `decay eval`: the forgetting model judged honestly, on real held-out data and on synthetic data with known truth.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the forgetting model: real recall log vs the constant baseline, and parameter recovery.",
        discussion: """
            (a) Fits on the first 80% of the recall log by time and reports log loss, Brier score and AUC on the last
            20% next to the constant-average baseline, whichever wins, then does the same for the personal recall model
            (each card's own history on top of the population curve) with a calibration table. (b) Generates synthetic answers with known
            half-life, per-hop retention and initial learning, and counts how often the true values fall inside the
            reported 95% intervals. See docs/forgetting-model.md.
            """
    )

    @Option(name: .customLong("recall-log"), help: "CSV with card_id,review_rating,review_time,review_duration (default: the copy in Tests/Fixtures).")
    var recallLog: String = "Tests/Fixtures/recall-log/review_log.csv"

    @Option(help: "Parameter-recovery trials (0 skips them).")
    var trials: Int = 50

    @Option(help: "Seed for the synthetic trials and the bootstraps.")
    var seed: UInt64 = 2026

    func validate() throws {
        if self.trials < 0 || self.trials > 1000 { throw ValidationError("--trials must be from 0 to 1000") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: self.recallLog) else {
            throw CLIError("recall log not found at \(self.recallLog): pass --recall-log PATH")
        }
        let reviews = try RecallLog.load(path: self.recallLog)
        print(RecallLogEvaluation().run(reviews).summary)
        print("")
        print(PersonalRecallEvaluation().run(reviews).summary)
        if self.trials > 0 {
            print("")
            print(ParameterRecovery(trials: self.trials, seed: self.seed).run().summary)
        }
    }
}
