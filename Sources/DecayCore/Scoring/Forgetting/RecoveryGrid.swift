import Foundation

/// Parameter recovery over a grid of true values (issue #12): for each cell, seeded messages whose key points all
/// follow the cell's curve, fitted with bootstrap intervals. Counts how often the 95% intervals hold the truth
/// (whether or not the figure was refused) and lists every reported figure that sits at a search bound or outside
/// its own interval, which must never happen.
public struct RecoveryGrid: Sendable {
    /// One combination of true values and question type.
    public struct Cell: Sendable, Equatable {
        public var halfLife: Double
        public var rho: Double
        public var initial: Double
        public var shape: Double
        /// Guessing floor: 0.5 for two options, 0.25 for four.
        public var guess: Double

        public init(halfLife: Double, rho: Double, initial: Double, shape: Double, guess: Double) {
            self.halfLife = halfLife
            self.rho = rho
            self.initial = initial
            self.shape = shape
            self.guess = guess
        }

        public var label: String {
            String(format: "h %g rho %g a %g d %g options %d", self.halfLife, self.rho, self.initial, self.shape, Int((1 / self.guess).rounded()))
        }
    }

    /// h in {7, 14, 30, 60} × rho in {0.5, 0.7, 0.9} × a in {0.35, 0.6, 0.95} × d in {0.5, 1} × 2 or 4 options: 144 cells.
    public static let issueCells: [Cell] = [7.0, 14, 30, 60].flatMap { halfLife in
        [0.5, 0.7, 0.9].flatMap { rho in
            [0.35, 0.6, 0.95].flatMap { initial in
                [0.5, 1.0].flatMap { shape in
                    [0.5, 0.25].map { Cell(halfLife: halfLife, rho: rho, initial: initial, shape: shape, guess: $0) }
                }
            }
        }
    }

    public var cells: [Cell]
    public var trialsPerCell: Int
    public var seed: UInt64
    /// People, key points, delays and hops of each synthetic message (its guessing floor is the cell's).
    public var data: SyntheticRecall
    /// Fit settings; the bootstrap seed is offset per trial.
    public var fitOptions: ForgettingFitOptions

    public init(
        cells: [Cell] = RecoveryGrid.issueCells, trialsPerCell: Int = 1, seed: UInt64 = 2026,
        data: SyntheticRecall = SyntheticRecall(), fitOptions: ForgettingFitOptions = ForgettingFitOptions()
    ) {
        self.cells = cells
        self.trialsPerCell = trialsPerCell
        self.seed = seed
        self.data = data
        self.fitOptions = fitOptions
    }

    /// Coverage of one group of trials.
    public struct Tally: Sendable, Equatable {
        public var halfLife = ParameterRecovery.Coverage()
        public var rho = ParameterRecovery.Coverage()
        public var initial = ParameterRecovery.Coverage()
        public var shape = ParameterRecovery.Coverage()
        /// Figures refused, out of all figures (per key point `h`, `a`; per message `rho`).
        public var refused = 0
        public var figures = 0
    }

    public struct Report: Sendable {
        public var overall = Tally()
        /// Tallies per level of each factor, keyed like "a 0.35" or "options 2".
        public var byLevel: [String: Tally] = [:]
        /// Reported figures that sat at a bound or outside their interval (cell and reason); must stay empty.
        public var badlyReported: [String] = []
        public var fits = 0

        /// The coverage table of docs/forgetting-model.md.
        public var table: String {
            func row(_ name: String, _ tally: Tally) -> String {
                func rate(_ coverage: ParameterRecovery.Coverage) -> String {
                    coverage.total == 0 ? "-" : String(format: "%d/%d = %.1f%%", coverage.hits, coverage.total, 100 * coverage.rate)
                }
                return "| \(name) | \(rate(tally.halfLife)) | \(rate(tally.rho)) | \(rate(tally.initial)) | \(rate(tally.shape)) | \(tally.refused)/\(tally.figures) |"
            }
            var lines = ["| cells | h | rho | a | d (when fitted) | refused |", "|---|---|---|---|---|---|", row("all", self.overall)]
            for key in self.byLevel.keys.sorted(by: Self.levelOrder) { lines.append(row(key, self.byLevel[key] ?? Tally())) }
            lines.append("reported at a bound or outside the interval: \(self.badlyReported.count)")
            return lines.joined(separator: "\n")
        }

        static func levelOrder(_ left: String, _ right: String) -> Bool {
            let leftParts = left.split(separator: " "), rightParts = right.split(separator: " ")
            if leftParts[0] != rightParts[0] { return leftParts[0] < rightParts[0] }
            return (Double(leftParts[1]) ?? 0) < (Double(rightParts[1]) ?? 0)
        }
    }

    public func run() -> Report {
        var report = Report()
        for (index, cell) in self.cells.enumerated() {
            for trial in 0..<self.trialsPerCell {
                let number = UInt64(index * self.trialsPerCell + trial)
                var random = SeededRandom(seed: self.seed &+ number &* 0x9E37_79B9_7F4A_7C15)
                var data = self.data
                data.guess = cell.guess
                let curve = ForgettingCurve(initial: cell.initial, halfLife: cell.halfLife, rho: cell.rho, shape: cell.shape)
                let observations = data.observations(truth: Dictionary(uniqueKeysWithValues: data.keyPointIDs.map { ($0, curve) }), &random)
                var options = self.fitOptions
                options.bootstrap?.seed &+= number
                let fit = ForgettingFitter(options: options).fit(observations)
                var tally = Tally()
                Self.count(fit, cell: cell, into: &tally)
                report.badlyReported += Self.badlyReported(fit, options: options).map { "\(cell.label): \($0)" }
                report.fits += 1
                report.overall.add(tally)
                for level in [
                    String(format: "h %g", cell.halfLife), String(format: "rho %g", cell.rho), String(format: "a %g", cell.initial),
                    String(format: "d %g", cell.shape), "options \(Int((1 / cell.guess).rounded()))",
                ] {
                    report.byLevel[level, default: Tally()].add(tally)
                }
            }
        }
        return report
    }

    static func count(_ fit: ForgettingFit, cell: Cell, into tally: inout Tally) {
        for point in fit.keyPoints {
            tally.halfLife.count(point.halfLifeInterval, cell.halfLife)
            tally.initial.count(point.initialInterval, cell.initial)
            tally.figures += 2
            if !point.verdict.isReported { tally.refused += 1 }
            if !point.initialVerdict.isReported { tally.refused += 1 }
        }
        if fit.rho != nil {
            tally.rho.count(fit.rhoInterval, cell.rho)
            tally.figures += 1
            if !fit.rhoVerdict.isReported { tally.refused += 1 }
        }
        if fit.shapeFitted { tally.shape.count(fit.shapeInterval, cell.shape) }
    }

    /// Every figure the fit reports although it sits at a search bound or outside its own interval.
    static func badlyReported(_ fit: ForgettingFit, options: ForgettingFitOptions) -> [String] {
        var problems: [String] = []
        let edge = options.probabilityBoundary
        func check(_ name: String, _ value: Double, _ interval: BootstrapInterval?, low: Double, high: Double) {
            if value <= low || value >= high { problems.append("\(name) \(value) reported at a bound") }
            if let interval, !interval.contains(value) { problems.append("\(name) \(value) reported outside \(interval)") }
        }
        let halfLifeLow = options.halfLifeRange.lowerBound * ForgettingFitter.boundaryFactor
        let halfLifeHigh = options.halfLifeRange.upperBound / ForgettingFitter.boundaryFactor
        for point in fit.keyPoints {
            if point.verdict.isReported { check("\(point.id) h", point.halfLife, point.halfLifeInterval, low: halfLifeLow, high: halfLifeHigh) }
            if point.initialVerdict.isReported { check("\(point.id) a", point.initial, point.initialInterval, low: edge, high: 1 - edge) }
        }
        if let rho = fit.rho, fit.rhoVerdict.isReported { check("rho", rho, fit.rhoInterval, low: edge, high: 1 - edge) }
        if fit.shapeFitted && fit.shapeVerdict.isReported {
            check("d", fit.shape, fit.shapeInterval,
                  low: options.shapeRange.lowerBound * ForgettingFitter.boundaryFactor, high: options.shapeRange.upperBound / ForgettingFitter.boundaryFactor)
        }
        return problems
    }
}

extension RecoveryGrid.Tally {
    mutating func add(_ other: RecoveryGrid.Tally) {
        self.halfLife.add(other.halfLife)
        self.rho.add(other.rho)
        self.initial.add(other.initial)
        self.shape.add(other.shape)
        self.refused += other.refused
        self.figures += other.figures
    }
}

extension ParameterRecovery.Coverage {
    mutating func add(_ other: ParameterRecovery.Coverage) {
        self.hits += other.hits
        self.total += other.total
    }
}
