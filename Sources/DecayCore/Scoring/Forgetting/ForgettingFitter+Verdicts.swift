import Foundation

/// The checks behind each figure's verdict: enough people and delays, no estimate at the edge of its range, and no
/// estimate outside its own bootstrap interval (a sign that the optimum is not where the resamples' optima are).
extension ForgettingFitter {
    func keyPointRefusals(
        people: Int, delayBins: Int, halfLife: Double, interval: BootstrapInterval?, scale: BoundedLogScale, converged: Bool
    ) -> [FitRefusal] {
        var refusals = self.dataRefusals(people: people, delayBins: delayBins, converged: true)
        let low = scale.lower * Self.boundaryFactor
        let high = scale.upper / Self.boundaryFactor
        if halfLife <= low || (interval?.lower ?? halfLife) <= low {
            refusals.append(.halfLifeAtBoundary(halfLife: min(halfLife, interval?.lower ?? halfLife), bound: scale.lower))
        } else if halfLife >= high || (interval?.upper ?? halfLife) >= high {
            refusals.append(.halfLifeAtBoundary(halfLife: max(halfLife, interval?.upper ?? halfLife), bound: scale.upper))
        } else if let interval, interval.upper > self.options.maximumHalfLifeRatio * interval.lower {
            refusals.append(.halfLifeTooUncertain(lower: interval.lower, upper: interval.upper, limit: self.options.maximumHalfLifeRatio))
        }
        refusals += Self.outside("half-life", halfLife, interval)
        if !converged { refusals.append(.notConverged) }
        return refusals
    }

    /// Too few people or delay bins, or no convergence: every figure of a key point shares these.
    func dataRefusals(people: Int, delayBins: Int, converged: Bool) -> [FitRefusal] {
        var refusals: [FitRefusal] = []
        if people < self.options.minimumPeople {
            refusals.append(.tooFewPeople(found: people, required: self.options.minimumPeople))
        }
        if delayBins < self.options.minimumDelayBins {
            refusals.append(.tooFewDelays(found: delayBins, required: self.options.minimumDelayBins, binDays: self.options.delayBinDays))
        }
        if !converged { refusals.append(.notConverged) }
        return refusals
    }

    func initialRefusals(_ initial: Double, interval: BootstrapInterval?) -> [FitRefusal] {
        let edge = self.options.probabilityBoundary
        if initial <= edge { return [.initialAtBoundary(initial: initial, bound: 0)] }
        if initial >= 1 - edge { return [.initialAtBoundary(initial: initial, bound: 1)] }
        return Self.outside("initial learning", initial, interval)
    }

    func retentionRefusals(_ rho: Double, interval: BootstrapInterval?) -> [FitRefusal] {
        let edge = self.options.probabilityBoundary
        if rho <= edge { return [.retentionAtBoundary(rho: rho, bound: 0)] }
        if rho >= 1 - edge { return [.retentionAtBoundary(rho: rho, bound: 1)] }
        return Self.outside("retention per hop", rho, interval)
    }

    func shapeVerdict(_ shape: Double, fitted: Bool, interval: BootstrapInterval?, scale: BoundedLogScale) -> FitVerdict {
        guard fitted else { return .reported }
        if shape <= scale.lower * Self.boundaryFactor { return .refused([.shapeAtBoundary(shape: shape, bound: scale.lower)]) }
        if shape >= scale.upper / Self.boundaryFactor { return .refused([.shapeAtBoundary(shape: shape, bound: scale.upper)]) }
        return FitVerdict(Self.outside("shape d", shape, interval))
    }

    /// A refusal when `value` lies outside `interval` (beyond rounding).
    static func outside(_ figure: String, _ value: Double, _ interval: BootstrapInterval?) -> [FitRefusal] {
        guard let interval else { return [] }
        let slack = 1e-9 * max(1, abs(value))
        guard value < interval.lower - slack || value > interval.upper + slack else { return [] }
        return [.outsideInterval(figure: figure, value: value, lower: interval.lower, upper: interval.upper)]
    }
}
