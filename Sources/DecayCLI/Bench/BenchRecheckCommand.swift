import ArgumentParser
import DecayApp
import DecayCore
import Foundation

/// `decay bench recheck`: the seeded re-check simulation (docs/demo-model.md): questions asked against true recall
/// kept under no re-checks, a fixed schedule, the population rule and the per-rep model, with the verdict on the goal.
struct BenchRecheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "Simulate re-check policies on seeded reps: questions per rep against true recall kept.",
        discussion: """
            Reps whose memory follows a truth model with known per-rep parameters answer the quizzes of three
            broadcasts and each policy's re-checks for --days days. The per-rep policy runs the product's personal
            recall model and the planner's rule; every other re-check setting is the product's default.
            """
    )

    @Option(help: "Simulated reps.")
    var reps = 2_000

    @Option(help: "Days simulated.")
    var days = 180

    @Option(help: "Seed of the simulation.")
    var seed: UInt64 = 1

    @Option(help: "Re-check target: a point predicted below it is due; also the threshold of the below-target share.")
    var target = RecheckPolicy.standard.target

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if !(1...100_000).contains(self.reps) { throw ValidationError("--reps must be from 1 to 100000, got \(self.reps)") }
        if !(28...3_650).contains(self.days) { throw ValidationError("--days must be from 28 to 3650, got \(self.days)") }
        if !RecheckPolicy.targets.contains(self.target) {
            throw ValidationError(String(
                format: "--target must be from %.2f to %.2f, got %g", RecheckPolicy.targets.lowerBound, RecheckPolicy.targets.upperBound, self.target))
        }
    }

    func run() async throws {
        var policy = RecheckPolicy.standard
        policy.target = self.target
        let settings = RecheckSimulationSettings(reps: self.reps, days: self.days, seed: self.seed, policy: policy)
        let started = DispatchTime.now().uptimeNanoseconds
        let result = await RecheckSimulating().run(settings)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print(self.json ? try ReportOutput.json(result) : result.summary + String(format: "\n\nsimulated in %.1f s", seconds))
    }
}
