import Foundation

/// Checks the fit and its intervals against known truth: over seeded trials, draw a message like the demo,
/// fit with bootstrap intervals, and count how often the true `h`, `rho` and `a` fall inside their 95% intervals.
public struct ParameterRecovery: Sendable {
    public var trials: Int
    public var seed: UInt64
    public var data: SyntheticRecall
    /// Fit settings; the bootstrap seed is offset per trial so trials are independent but reproducible.
    public var fitOptions: ForgettingFitOptions

    public init(trials: Int = 50, seed: UInt64 = 2026, data: SyntheticRecall = SyntheticRecall(), fitOptions: ForgettingFitOptions = ForgettingFitOptions()) {
        self.trials = trials
        self.seed = seed
        self.data = data
        self.fitOptions = fitOptions
    }

    /// How many intervals held the true value, out of how many.
    public struct Coverage: Sendable, Equatable {
        public var hits = 0
        public var total = 0

        public var rate: Double { self.total > 0 ? Double(self.hits) / Double(self.total) : .nan }

        mutating func count(_ interval: BootstrapInterval?, _ truth: Double) {
            guard let interval else { return }
            self.total += 1
            if interval.contains(truth) { self.hits += 1 }
        }
    }

    public struct Report: Sendable {
        public var trials: Int
        public var halfLife = Coverage()
        public var rho = Coverage()
        public var initial = Coverage()
        /// Key points whose half-life was refused (any reason), out of all key points fitted.
        public var refusedHalfLives = 0
        public var halfLives = 0
        /// Mean of log(estimate / truth) for the half-life: the bias, on a log scale.
        public var meanHalfLifeLogError = 0.0
        /// Geometric mean of the half-life interval's upper/lower ratio.
        public var typicalHalfLifeIntervalRatio = 0.0

        public var summary: String {
            [
                "parameter recovery: \(self.trials) trials",
                String(format: "coverage of 95%% intervals: h %d/%d (%.1f%%), rho %d/%d (%.1f%%), a %d/%d (%.1f%%)",
                       self.halfLife.hits, self.halfLife.total, 100 * self.halfLife.rate,
                       self.rho.hits, self.rho.total, 100 * self.rho.rate,
                       self.initial.hits, self.initial.total, 100 * self.initial.rate),
                String(format: "half-life bias exp(mean log error) %.3f, typical interval upper/lower %.2f, refused %d/%d",
                       exp(self.meanHalfLifeLogError), self.typicalHalfLifeIntervalRatio, self.refusedHalfLives, self.halfLives),
            ].joined(separator: "\n")
        }
    }

    public func run() -> Report {
        var report = Report(trials: self.trials)
        var logErrors: [Double] = []
        var logRatios: [Double] = []
        for trial in 0..<self.trials {
            var random = SeededRandom(seed: self.seed &+ UInt64(trial) &* 0x9E37_79B9_7F4A_7C15)
            let truth = self.data.truth(&random)
            let observations = self.data.observations(truth: truth, &random)
            var options = self.fitOptions
            if var bootstrap = options.bootstrap {
                bootstrap.seed = bootstrap.seed &+ UInt64(trial)
                options.bootstrap = bootstrap
            }
            let fit = ForgettingFitter(options: options).fit(observations)
            for point in fit.keyPoints {
                guard let curve = truth[point.id] else { continue }
                report.halfLife.count(point.halfLifeInterval, curve.halfLife)
                report.initial.count(point.initialInterval, curve.initial)
                report.halfLives += 1
                if !point.verdict.isReported { report.refusedHalfLives += 1 }
                logErrors.append(log(point.halfLife / curve.halfLife))
                if let interval = point.halfLifeInterval { logRatios.append(log(interval.upper / interval.lower)) }
            }
            if let rho = truth.values.first?.rho {
                report.rho.count(fit.rhoInterval, rho)
            }
        }
        report.meanHalfLifeLogError = logErrors.isEmpty ? .nan : logErrors.reduce(0, +) / Double(logErrors.count)
        report.typicalHalfLifeIntervalRatio = logRatios.isEmpty ? .nan : exp(logRatios.reduce(0, +) / Double(logRatios.count))
        return report
    }
}
