import Foundation

/// Fits the forgetting curve of one message by penalised maximum likelihood (a MAP estimate under the pooling
/// prior), with restarts, optional bootstrap intervals over people, and a verdict for each figure.
public struct ForgettingFitter: Sendable {
    public var options: ForgettingFitOptions

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
            fitsRho: data.hops.count >= 2, fitsShape: self.fitsShape(data), fixedShape: self.options.shape,
            halfLifeRange: self.options.halfLifeRange, shapeRange: self.options.shapeRange,
            halfLifePooling: self.options.halfLifePooling, initialPooling: self.options.initialPooling
        )
        let best = ForgettingSearch().minimize(objective, halfLifeRange: self.options.halfLifeRange, shape: self.options.shape)?.best
        let point = best?.point ?? []
        let estimate = objective.decode(point)
        var replicates: [ForgettingObjective.Parameters] = []
        var unconverged = 0
        if let bootstrap = self.options.bootstrap, best != nil, bootstrap.resamples > 0 {
            (replicates, unconverged) = bootstrap.replicates(
                of: objective, from: ForgettingSearch.interior(point),
                optimizer: DampedNewton(maxIterations: 100, maxStep: ForgettingSearch.maxStep)
            )
        }
        return self.assemble(
            data: data, objective: objective, estimate: estimate, replicates: replicates,
            logLikelihood: best.map { _ in objective.logLikelihood(point) } ?? 0,
            converged: best?.converged ?? false, unconverged: unconverged
        )
    }

    /// `d` is fitted only when asked and when the answers spread over enough delay bins to show the tail.
    func fitsShape(_ data: PreparedObservations) -> Bool {
        self.options.fitsShape && data.delayBins >= self.options.minimumShapeDelayBins
    }

    /// Why the shape was assumed rather than fitted; nil when it was fitted.
    func shapeAssumption(_ data: PreparedObservations) -> String? {
        let assumed = "shape assumed d = \(String(format: "%g", self.options.shape))"
        guard self.options.fitsShape else { return "\(assumed): fitting it is switched off" }
        guard data.delayBins >= self.options.minimumShapeDelayBins else {
            return "\(assumed): answers fall in only \(data.delayBins) distinct \(String(format: "%g", self.options.delayBinDays))-day delay bins; "
                + "at least \(self.options.minimumShapeDelayBins) are needed to fit it"
        }
        return nil
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
            let initialInterval = interval { $0.initial[key] }
            return KeyPointForgetting(
                id: data.keyPointIDs[key], initial: estimate.initial[key], initialInterval: initialInterval,
                halfLife: estimate.halfLife[key], halfLifeInterval: halfLifeInterval, projections: projections,
                observations: data.observationsPerKey[key], people: data.peoplePerKey[key], delayBins: data.delayBinsPerKey[key],
                verdict: FitVerdict(self.keyPointRefusals(
                    people: data.peoplePerKey[key], delayBins: data.delayBinsPerKey[key], halfLife: estimate.halfLife[key],
                    interval: halfLifeInterval, scale: objective.halfLifeScale, converged: converged
                )),
                initialVerdict: FitVerdict(
                    self.dataRefusals(people: data.peoplePerKey[key], delayBins: data.delayBinsPerKey[key], converged: converged)
                        + self.initialRefusals(estimate.initial[key], interval: initialInterval)
                )
            )
        }
        var rhoRefusals: [FitRefusal] = []
        if !objective.fitsRho { rhoRefusals.append(.noHopVariation(hops: data.hops.first ?? 0)) }
        if data.personCount < self.options.minimumPeople {
            rhoRefusals.append(.tooFewPeople(found: data.personCount, required: self.options.minimumPeople))
        }
        if !converged { rhoRefusals.append(.notConverged) }
        let rhoInterval = objective.fitsRho ? interval(\.rho) : nil
        if objective.fitsRho { rhoRefusals += self.retentionRefusals(estimate.rho, interval: rhoInterval) }
        let shapeInterval = objective.fitsShape ? interval(\.shape) : nil
        let messageHalfLife = Self.messageHalfLife(estimate)
        let messageHalfLifeInterval = interval(Self.messageHalfLife)
        let messageHalfLifeVerdict = FitVerdict(self.keyPointRefusals(
            people: data.personCount, delayBins: data.delayBins, halfLife: messageHalfLife, interval: messageHalfLifeInterval,
            scale: objective.halfLifeScale, converged: converged
        ))
        return ForgettingFit(
            keyPoints: keyPoints,
            rho: objective.fitsRho ? estimate.rho : nil,
            rhoInterval: rhoInterval,
            rhoVerdict: FitVerdict(rhoRefusals),
            shape: estimate.shape, shapeFitted: objective.fitsShape, shapeInterval: shapeInterval,
            shapeVerdict: self.shapeVerdict(estimate.shape, fitted: objective.fitsShape, interval: shapeInterval, scale: objective.shapeScale),
            shapeAssumption: self.shapeAssumption(data),
            messageInitial: Self.messageInitial(estimate), messageHalfLife: messageHalfLife,
            messageHalfLifeInterval: messageHalfLifeInterval, messageHalfLifeVerdict: messageHalfLifeVerdict,
            logLikelihood: logLikelihood, observations: data.rows.count, totalWeight: data.totalWeight,
            people: data.personCount, delayBins: data.delayBins, meanHops: data.meanHops,
            converged: converged, resamples: replicates.count, unconvergedResamples: unconverged
        )
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
