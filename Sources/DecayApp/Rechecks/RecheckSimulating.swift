import DecayCore
import DecayStore

/// The re-check simulation benchmark (``RecheckSimulation``): every policy over the same seeded reps. CPU-bound for
/// seconds, so it runs off the cooperative pool.
public struct RecheckSimulating: Sendable {
    public init() {}

    public func run(_ settings: RecheckSimulationSettings) async -> RecheckSimulationResult {
        await OffPool.run { RecheckSimulation(settings: settings).run() }
    }
}
