import Foundation

/// The re-check simulation behind `decay bench recheck`: the same simulated reps (``RecallTruth``) and broadcasts
/// under each ``RecheckSimulationPolicy``, day by day, measuring questions asked against true recall kept. Seeded and
/// deterministic: the same settings give the same result, whatever the number of cores.
public struct RecheckSimulation: Sendable {
    public var settings: RecheckSimulationSettings

    public init(settings: RecheckSimulationSettings) {
        self.settings = settings
    }

    /// Every policy, on every core (call it off Swift's cooperative pool).
    public func run() -> RecheckSimulationResult {
        let policies = RecheckSimulationPolicy.allCases
        let runs = ParallelSlots<RecheckSimulationRun>.map(policies.count) { index in
            var run = RecheckSimulationRun(settings: self.settings, policy: policies[index])
            run.simulate()
            return run
        }
        let personal = runs.first { $0.policy == .personal }
        return RecheckSimulationResult(
            settings: self.settings, rows: runs.map(\.row), model: personal?.modelNote ?? "", check: (personal?.check ?? PredictionCheck()).summary)
    }

    /// One policy alone.
    public func run(_ policy: RecheckSimulationPolicy) -> RecheckSimulationResult.Row {
        var run = RecheckSimulationRun(settings: self.settings, policy: policy)
        run.simulate()
        return run.row
    }
}
