import Foundation

/// Fits the forgetting curve of one message by penalised maximum likelihood (a MAP estimate under the pooling
/// prior), with restarts, optional bootstrap intervals over people, and a verdict for each figure.
public struct ForgettingFitter: Sendable {
    public var options: ForgettingFitOptions

    /// Half-lives (days) the full fit starts from; the best end point wins, so one bad basin does not decide.
    static let startingHalfLives: [Double] = [3, 20, 90]
    /// An estimate within this factor of a search bound counts as "at the boundary".
    static let boundaryFactor = 1.05

    public init(options: ForgettingFitOptions = ForgettingFitOptions()) {
        self.options = options
    }

    /// Fits one message's observations (all key points together, so `rho` and `d` are shared).
    public func fit(_ observations: [RecallObservation]) -> ForgettingFit {
        let data = PreparedObservations(observations, binDays: self.options.delayBinDays)
        let objective = ForgettingObjective(
            rows: data.rows, keyPointCount: data.keyPointIDs.count, personCount: data.personCount,
            fitsRho: data.hops.count >= 2, fitsShape: self.options.fitsShape, fixedShape: self.options.shape,
            halfLifeRange: self.options.halfLifeRange, shapeRange: self.options.shapeRange,
            halfLifePooling: self.options.halfLifePooling, initialPooling: self.options.initialPooling
        )
        let optimizer = DampedNewton(maxIterations: 300)
        var best: DampedNewton.Result?
        if !data.rows.isEmpty {
            for start in Self.startingHalfLives {
                let halfLife = min(max(start, self.options.halfLifeRange.lowerBound), self.options.halfLifeRange.upperBound)
                let parameters = ForgettingObjective.Parameters(
                    initial: [Double](repeating: 0.9, count: objective.keyPointCount),
                    halfLife: [Double](repeating: halfLife, count: objective.keyPointCount),
                    rho: 0.85, shape: self.options.shape
                )
                let result = optimizer.minimize(from: objective.encode(parameters), evaluate: { objective.evaluate($0) }, value: { objective.value($0) })
                if result.value < (best?.value ?? .infinity) { best = result }
            }
        }
        let point = best?.point ?? []
        let estimate = objective.decode(point)
        var replicates: [ForgettingObjective.Parameters] = []
        var unconverged = 0
        if let bootstrap = self.options.bootstrap, best != nil, bootstrap.resamples > 0 {
            (replicates, unconverged) = bootstrap.replicates(of: objective, from: point, optimizer: DampedNewton(maxIterations: 100))
        }
        return self.assemble(
            data: data, objective: objective, estimate: estimate, replicates: replicates,
            logLikelihood: best.map { _ in objective.logLikelihood(point) } ?? 0,
            converged: best?.converged ?? false, unconverged: unconverged
        )
    }

    /// Turns the estimate and the bootstrap replicates into figures, intervals and verdicts.
    private func assemble(
        data: PreparedObservations, objective: ForgettingObjective, estimate: ForgettingObjective.Parameters,
        replicates: [ForgettingObjective.Parameters], logLikelihood: Double, converged: Bool, unconverged: Int
    ) -> ForgettingFit {
        let hasIntervals = !replicates.isEmpty
        func interval(_ value: (ForgettingObjective.Parameters) -> Double) -> BootstrapInterval? {
            hasIntervals ? ForgettingBootstrap.interval(replicates.map(value)) : nil
        }
        let projectionHops: [Double]
        if objective.fitsRho {
            projectionHops = data.meanHops > 0 ? [0, data.meanHops] : [0]
        } else {
            projectionHops = [Double(data.hops.first ?? 0)]
        }
        let keyPoints = data.keyPointIDs.indices.map { key in
            let projections = self.options.projectionDays.flatMap { days in
                projectionHops.map { hops in
                    RecallProjection(
                        days: days, hops: hops, recall: Self.knowledge(estimate, key: key, days: days, hops: hops),
                        interval: interval { Self.knowledge($0, key: key, days: days, hops: hops) }
                    )
                }
            }
            let halfLifeInterval = interval { $0.halfLife[key] }
            return KeyPointForgetting(
                id: data.keyPointIDs[key], initial: estimate.initial[key], initialInterval: interval { $0.initial[key] },
                halfLife: estimate.halfLife[key], halfLifeInterval: halfLifeInterval, projections: projections,
                observations: data.observationsPerKey[key], people: data.peoplePerKey[key], delayBins: data.delayBinsPerKey[key],
                verdict: self.keyPointVerdict(
                    people: data.peoplePerKey[key], delayBins: data.delayBinsPerKey[key], halfLife: estimate.halfLife[key],
                    interval: halfLifeInterval, scale: objective.halfLifeScale, converged: converged
                )
            )
        }
        var rhoRefusals: [FitRefusal] = []
        if !objective.fitsRho { rhoRefusals.append(.noHopVariation(hops: data.hops.first ?? 0)) }
        if data.personCount < self.options.minimumPeople {
            rhoRefusals.append(.tooFewPeople(found: data.personCount, required: self.options.minimumPeople))
        }
        if !converged { rhoRefusals.append(.notConverged) }
        return ForgettingFit(
            keyPoints: keyPoints,
            rho: objective.fitsRho ? estimate.rho : nil,
            rhoInterval: objective.fitsRho ? interval(\.rho) : nil,
            rhoVerdict: FitVerdict(rhoRefusals),
            shape: estimate.shape, shapeFitted: objective.fitsShape,
            shapeInterval: objective.fitsShape ? interval(\.shape) : nil,
            shapeVerdict: self.shapeVerdict(estimate.shape, fitted: objective.fitsShape, scale: objective.shapeScale),
            messageInitial: Self.messageInitial(estimate), messageHalfLife: Self.messageHalfLife(estimate),
            messageHalfLifeInterval: interval(Self.messageHalfLife),
            logLikelihood: logLikelihood, observations: data.rows.count, totalWeight: data.totalWeight,
            people: data.personCount, delayBins: data.delayBins, meanHops: data.meanHops,
            converged: converged, resamples: replicates.count, unconvergedResamples: unconverged
        )
    }

    private func keyPointVerdict(
        people: Int, delayBins: Int, halfLife: Double, interval: BootstrapInterval?, scale: BoundedLogScale, converged: Bool
    ) -> FitVerdict {
        var refusals: [FitRefusal] = []
        if people < self.options.minimumPeople {
            refusals.append(.tooFewPeople(found: people, required: self.options.minimumPeople))
        }
        if delayBins < self.options.minimumDelayBins {
            refusals.append(.tooFewDelays(found: delayBins, required: self.options.minimumDelayBins, binDays: self.options.delayBinDays))
        }
        let low = scale.lower * Self.boundaryFactor
        let high = scale.upper / Self.boundaryFactor
        if halfLife <= low || (interval?.lower ?? halfLife) <= low {
            refusals.append(.halfLifeAtBoundary(halfLife: min(halfLife, interval?.lower ?? halfLife), bound: scale.lower))
        } else if halfLife >= high || (interval?.upper ?? halfLife) >= high {
            refusals.append(.halfLifeAtBoundary(halfLife: max(halfLife, interval?.upper ?? halfLife), bound: scale.upper))
        } else if let interval, interval.upper > self.options.maximumHalfLifeRatio * interval.lower {
            refusals.append(.halfLifeTooUncertain(lower: interval.lower, upper: interval.upper, limit: self.options.maximumHalfLifeRatio))
        }
        if !converged { refusals.append(.notConverged) }
        return FitVerdict(refusals)
    }

    private func shapeVerdict(_ shape: Double, fitted: Bool, scale: BoundedLogScale) -> FitVerdict {
        guard fitted else { return .reported }
        if shape <= scale.lower * Self.boundaryFactor { return .refused([.shapeAtBoundary(shape: shape, bound: scale.lower)]) }
        if shape >= scale.upper / Self.boundaryFactor { return .refused([.shapeAtBoundary(shape: shape, bound: scale.upper)]) }
        return .reported
    }

    /// `a * rho^hops * (1 + c t/h)^(-d)`: the share who still know the point, before any guessing floor.
    static func knowledge(_ parameters: ForgettingObjective.Parameters, key: Int, days: Double, hops: Double) -> Double {
        let scale = pow(2, 1 / parameters.shape) - 1
        return parameters.initial[key] * pow(parameters.rho, hops) * pow(1 + scale * days / parameters.halfLife[key], -parameters.shape)
    }

    static func messageHalfLife(_ parameters: ForgettingObjective.Parameters) -> Double {
        guard !parameters.halfLife.isEmpty else { return .nan }
        return exp(parameters.halfLife.map { log($0) }.reduce(0, +) / Double(parameters.halfLife.count))
    }

    static func messageInitial(_ parameters: ForgettingObjective.Parameters) -> Double {
        guard !parameters.initial.isEmpty else { return .nan }
        return Logistic.value(parameters.initial.map { Logistic.logit(min(max($0, 1e-12), 1 - 1e-12)) }.reduce(0, +) / Double(parameters.initial.count))
    }
}
