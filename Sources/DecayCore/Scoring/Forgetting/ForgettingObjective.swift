import Foundation

/// The penalised Bernoulli negative log-likelihood of one message's observations, in optimiser coordinates:
/// per key point `logit a` and bounded `log h`, then (when fitted) `logit rho` and bounded `log d`.
/// The penalty is the Gaussian prior of partial pooling: `Σ (logit a_k - mean)² / 2τa² + Σ (log h_k - mean)² / 2τh²`,
/// with the means profiled out (they are the message-level values). Derivatives are analytic; the Hessian is the
/// Fisher information plus the penalty's Gauss–Newton term, so it is positive semi-definite.
/// Rows that share a key point, hop count, guessing floor and six-hour span of delay are summed into one cell (at the
/// mean delay of its rows), so a fit costs the same for 400,000 answers as for the few thousand cells they fill.
struct ForgettingObjective: Sendable {
    /// One observation with its key point and person as indexes.
    struct Row: Sendable {
        var keyPoint: Int
        var person: Int
        var days: Double
        var hops: Int
        var guess: Double
        var correct: Bool
        var weight: Double
    }

    /// Decoded parameter values.
    struct Parameters: Sendable {
        var initial: [Double]
        var halfLife: [Double]
        var rho: Double
        var shape: Double
    }

    static let probabilityFloor = 1e-9
    /// The observations summed into cells; the likelihood is evaluated per cell.
    private(set) var cells: ForgettingCells
    let keyPointCount: Int
    let personCount: Int
    private(set) var fitsRho: Bool
    /// The per-hop retention used when `rho` is not fitted: 1 for a message without hop variation, a grid value
    /// when the fit profiles the objective over `rho`.
    private(set) var fixedRho = 1.0
    let fitsShape: Bool
    let fixedShape: Double
    let halfLifeScale: BoundedLogScale
    let shapeScale: BoundedLogScale
    /// τh: prior standard deviation of a key point's log half-life around the message's.
    let halfLifePooling: Double
    /// τa: prior standard deviation of a key point's logit initial learning around the message's.
    let initialPooling: Double
    let maxHops: Int

    init(
        rows: [Row], keyPointCount: Int, personCount: Int, fitsRho: Bool, fitsShape: Bool, fixedShape: Double,
        halfLifeRange: ClosedRange<Double>, shapeRange: ClosedRange<Double>, halfLifePooling: Double, initialPooling: Double
    ) {
        self.keyPointCount = keyPointCount
        self.personCount = personCount
        self.fitsRho = fitsRho
        self.fitsShape = fitsShape
        self.fixedShape = fixedShape
        self.halfLifeScale = BoundedLogScale(halfLifeRange)
        self.shapeScale = BoundedLogScale(shapeRange)
        self.halfLifePooling = halfLifePooling
        self.initialPooling = initialPooling
        self.cells = ForgettingCells(rows)
        self.maxHops = self.cells.hops.max() ?? 0
    }

    /// The same objective with each row's weight multiplied by its person's count in a bootstrap resample.
    func reweighted(by personWeights: [Double]) -> ForgettingObjective {
        var copy = self
        copy.cells = self.cells.reweighted(by: personWeights)
        return copy
    }

    /// The same objective with `rho` held at `rho` (its coordinate removed): one point of the profile over `rho`.
    func holdingRho(at rho: Double) -> ForgettingObjective {
        var copy = self
        copy.fitsRho = false
        copy.fixedRho = rho
        return copy
    }

    var rhoIndex: Int? { self.fitsRho ? 2 * self.keyPointCount : nil }
    var shapeIndex: Int? { self.fitsShape ? 2 * self.keyPointCount + (self.fitsRho ? 1 : 0) : nil }
    var parameterCount: Int { 2 * self.keyPointCount + (self.fitsRho ? 1 : 0) + (self.fitsShape ? 1 : 0) }

    func decode(_ point: [Double]) -> Parameters {
        Parameters(
            initial: (0..<self.keyPointCount).map { Logistic.value(point[2 * $0]) },
            halfLife: (0..<self.keyPointCount).map { self.halfLifeScale.value(point[2 * $0 + 1]) },
            rho: self.rhoIndex.map { Logistic.value(point[$0]) } ?? self.fixedRho,
            shape: self.shapeIndex.map { self.shapeScale.value(point[$0]) } ?? self.fixedShape
        )
    }

    func encode(_ parameters: Parameters) -> [Double] {
        var point = [Double](repeating: 0, count: self.parameterCount)
        for key in 0..<self.keyPointCount {
            point[2 * key] = Logistic.logit(min(max(parameters.initial[key], 1e-6), 1 - 1e-6))
            point[2 * key + 1] = self.halfLifeScale.coordinate(parameters.halfLife[key])
        }
        if let index = self.rhoIndex { point[index] = Logistic.logit(min(max(parameters.rho, 1e-6), 1 - 1e-6)) }
        if let index = self.shapeIndex { point[index] = self.shapeScale.coordinate(parameters.shape) }
        return point
    }

    /// Penalised objective only (for trial steps).
    func value(_ point: [Double]) -> Double {
        self.compute(point, derivatives: false).value
    }

    /// Penalised objective with gradient and Fisher/Gauss–Newton Hessian.
    func evaluate(_ point: [Double]) -> DampedNewton.Evaluation {
        self.compute(point, derivatives: true)
    }

    /// Data log-likelihood (no penalty) at `point`, with each row's own weight.
    func logLikelihood(_ point: [Double]) -> Double {
        -self.negativeLogLikelihood(point)
    }

    /// Gradient and Fisher/Gauss–Newton Hessian only: no logarithms, for Newton steps that need no line search.
    /// The value it returns is the pooling penalty alone.
    func scoreAndInformation(_ point: [Double]) -> DampedNewton.Evaluation {
        self.compute(point, derivatives: true, likelihood: false)
    }

    func negativeLogLikelihood(_ point: [Double]) -> Double {
        self.compute(point, derivatives: false, penalised: false).value
    }

    private func compute(_ point: [Double], derivatives: Bool, penalised: Bool = true, likelihood: Bool = true) -> DampedNewton.Evaluation {
        let count = self.parameterCount
        let keys = self.keyPointCount
        var gradient = [Double](repeating: 0, count: derivatives ? count : 0)
        var hessian = [Double](repeating: 0, count: derivatives ? count * count : 0)
        let initial = (0..<keys).map { Logistic.value(point[2 * $0]) }
        let halfLife = (0..<keys).map { self.halfLifeScale.value(point[2 * $0 + 1]) }
        let halfLifeSlope = (0..<keys).map { self.halfLifeScale.logDerivative(point[2 * $0 + 1]) }
        let rho = self.rhoIndex.map { Logistic.value(point[$0]) } ?? self.fixedRho
        let shape = self.shapeIndex.map { self.shapeScale.value(point[$0]) } ?? self.fixedShape
        let shapeSlope = self.shapeIndex.map { shape * self.shapeScale.logDerivative(point[$0]) } ?? 0
        let scale = pow(2, 1 / shape) - 1
        let scaleSlope = -pow(2, 1 / shape) * log(2) / (shape * shape)
        let rhoPowers = (0...self.maxHops).map { pow(rho, Double($0)) }
        let curve = CellCurve(
            initial: initial, halfLife: halfLife, halfLifeSlope: halfLifeSlope, rhoPowers: rhoPowers, rho: rho,
            rhoIndex: self.rhoIndex ?? -1, shape: shape, shapeSlope: shapeSlope, shapeIndex: self.shapeIndex ?? -1,
            scale: scale, scaleSlope: scaleSlope
        )
        var total = self.cellTerms(curve, derivatives: derivatives, likelihood: likelihood, gradient: &gradient, hessian: &hessian)
        if penalised && keys > 1 {
            total += self.addPooling(
                values: (0..<keys).map { point[2 * $0] }, slopes: [Double](repeating: 1, count: keys), offset: 0,
                strength: self.initialPooling, gradient: &gradient, hessian: &hessian, derivatives: derivatives
            )
            total += self.addPooling(
                values: (0..<keys).map { self.halfLifeScale.logValue(point[2 * $0 + 1]) }, slopes: halfLifeSlope, offset: 1,
                strength: self.halfLifePooling, gradient: &gradient, hessian: &hessian, derivatives: derivatives
            )
        }
        return DampedNewton.Evaluation(value: total, gradient: gradient, hessian: hessian)
    }

    /// Adds `Σ (x_k - mean x)² / 2τ²` for the per-point values `x_k = values[k]` at coordinates `2k + offset`,
    /// whose derivative with respect to their coordinate is `slopes[k]`; returns the penalty.
    private func addPooling(
        values: [Double], slopes: [Double], offset: Int, strength: Double,
        gradient: inout [Double], hessian: inout [Double], derivatives: Bool
    ) -> Double {
        let keys = values.count
        let mean = values.reduce(0, +) / Double(keys)
        let precision = 1 / (strength * strength)
        var penalty = 0.0
        for key in 0..<keys {
            let deviation = values[key] - mean
            penalty += 0.5 * precision * deviation * deviation
            guard derivatives else { continue }
            gradient[2 * key + offset] += precision * deviation * slopes[key]
            for other in 0..<keys {
                let centering = (key == other ? 1 : 0) - 1 / Double(keys)
                hessian[(2 * key + offset) * self.parameterCount + 2 * other + offset] += precision * centering * slopes[key] * slopes[other]
            }
        }
        return penalty
    }
}
