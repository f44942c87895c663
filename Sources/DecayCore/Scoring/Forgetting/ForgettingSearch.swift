import Foundation

/// The full fit's search for the optimum. `rho` and `a` trade off against each other (a low `a` with little loss per
/// hop fits much like a high `a` with much), so one start can slide along that ridge to a bound of `rho`. The search
/// starts the damped Newton from a grid over `h` and `rho` with bounded steps, keeps the best end point, then checks
/// it against a profile over `rho` (the optimum with `rho` held at each grid value) and restarts from any profile
/// point that beats it.
struct ForgettingSearch: Sendable {
    /// Half-lives (days) the search starts from.
    static let startingHalfLives: [Double] = [3, 20, 90]
    /// Per-hop retentions the search starts from (only when `rho` is fitted).
    static let startingRetentions: [Double] = [0.3, 0.9]
    /// Initial learning every start uses.
    static let startingInitial = 0.7
    /// Values of `rho` at which the profile holds it.
    static let profileRetentions: [Double] = [0.1, 0.3, 0.5, 0.7, 0.9]
    /// Largest move of one coordinate (logit or bounded log scale) in one step.
    static let maxStep = 2.0
    /// A profile point counts as better only when it is lower by more than this (nats).
    static let profileTolerance = 1e-6

    var optimizer = DampedNewton(maxIterations: 300, maxStep: ForgettingSearch.maxStep)

    /// What the search found: the best end point, and the profile over `rho` it was checked against.
    struct Outcome: Sendable {
        var best: DampedNewton.Result
        /// `(rho, lowest penalised objective with rho held there)`; empty when `rho` is not fitted.
        var profile: [(rho: Double, value: Double)]
        /// True when a profile point was lower than every start's end point and the search restarted from it.
        var restartedFromProfile: Bool
    }

    /// Searches `objective`; nil when it has no cells to fit.
    func minimize(_ objective: ForgettingObjective, halfLifeRange: ClosedRange<Double>, shape: Double) -> Outcome? {
        guard objective.cells.count > 0 else { return nil }
        let retentions = objective.fitsRho ? Self.startingRetentions : [objective.fixedRho]
        var best: DampedNewton.Result?
        for halfLife in Self.startingHalfLives {
            let clamped = min(max(halfLife, halfLifeRange.lowerBound), halfLifeRange.upperBound)
            for rho in retentions {
                let result = self.run(objective, from: objective.encode(Self.start(objective, halfLife: clamped, rho: rho, shape: shape)))
                if result.value < (best?.value ?? .infinity) { best = result }
            }
        }
        guard var best, objective.fitsRho else { return best.map { Outcome(best: $0, profile: [], restartedFromProfile: false) } }
        let estimate = objective.decode(best.point)
        var profile: [(rho: Double, value: Double)] = []
        var restarted = false
        for rho in Self.profileRetentions {
            let held = objective.holdingRho(at: rho)
            var start = estimate
            start.rho = rho
            let result = self.run(held, from: held.encode(start))
            profile.append((rho, result.value))
            guard result.value < best.value - Self.profileTolerance else { continue }
            var from = held.decode(result.point)
            from.rho = rho
            let refit = self.run(objective, from: objective.encode(from))
            if refit.value < best.value {
                best = refit
                restarted = true
            }
        }
        return Outcome(best: best, profile: profile, restartedFromProfile: restarted)
    }

    /// Coordinates further out than this are pulled in before bootstrap refits start from them: at a logit of 30
    /// the gradient vanishes, so every refit would stay at the bound and the interval would collapse to a point.
    static let interiorLimit = 6.0

    /// `point` with every coordinate clamped to `±interiorLimit`.
    static func interior(_ point: [Double]) -> [Double] {
        point.map { min(max($0, -self.interiorLimit), self.interiorLimit) }
    }

    private func run(_ objective: ForgettingObjective, from start: [Double]) -> DampedNewton.Result {
        self.optimizer.minimize(from: start, evaluate: { objective.evaluate($0) }, value: { objective.value($0) })
    }

    private static func start(_ objective: ForgettingObjective, halfLife: Double, rho: Double, shape: Double) -> ForgettingObjective.Parameters {
        ForgettingObjective.Parameters(
            initial: [Double](repeating: self.startingInitial, count: objective.keyPointCount),
            halfLife: [Double](repeating: halfLife, count: objective.keyPointCount),
            rho: rho, shape: shape
        )
    }
}
