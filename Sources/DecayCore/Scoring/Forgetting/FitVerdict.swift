import Foundation

/// Whether a fitted figure may be shown, and if not, why, in words a channel manager can read.
public enum FitVerdict: Sendable, Equatable {
    case reported
    case refused([FitRefusal])

    public var isReported: Bool { self == .reported }

    public var refusals: [FitRefusal] {
        if case .refused(let reasons) = self { return reasons }
        return []
    }

    /// "reported", or every reason joined with "; ".
    public var explanation: String {
        switch self {
        case .reported: "reported"
        case .refused(let reasons): reasons.map(\.reason).joined(separator: "; ")
        }
    }

    init(_ refusals: [FitRefusal]) {
        self = refusals.isEmpty ? .reported : .refused(refusals)
    }
}

/// One reason the data cannot support a figure.
public enum FitRefusal: Sendable, Equatable {
    /// Fewer distinct people answered than the minimum.
    case tooFewPeople(found: Int, required: Int)
    /// Answers cover too few distinct delay bins to see a curve.
    case tooFewDelays(found: Int, required: Int, binDays: Double)
    /// Everyone was reached over the same number of hops, so loss per hop cannot be told apart from initial learning.
    case noHopVariation(hops: Int)
    /// The half-life estimate (or its interval) ran to the edge of the search range.
    case halfLifeAtBoundary(halfLife: Double, bound: Double)
    /// The fitted power-law shape ran to the edge of its search range.
    case shapeAtBoundary(shape: Double, bound: Double)
    /// The 95% bootstrap interval of the half-life spans more than the allowed factor.
    case halfLifeTooUncertain(lower: Double, upper: Double, limit: Double)
    /// The optimiser stopped at its iteration limit.
    case notConverged
    /// The per-hop retention estimate ran to 0 or 1: the answers do not separate relay loss from initial learning.
    case retentionAtBoundary(rho: Double, bound: Double)
    /// The initial-learning estimate ran to 0 or 1.
    case initialAtBoundary(initial: Double, bound: Double)
    /// The estimate lies outside its own 95% bootstrap interval, so the fit is not stable enough to quote.
    case outsideInterval(figure: String, value: Double, lower: Double, upper: Double)

    public var reason: String {
        switch self {
        case .tooFewPeople(let found, let required):
            "only \(found) people answered; at least \(required) are needed"
        case .tooFewDelays(let found, let required, let binDays):
            "answers fall in only \(found) distinct \(Self.format(binDays))-day delay bins; at least \(required) are needed to see forgetting over time"
        case .noHopVariation(let hops):
            "everyone was reached over \(hops) hop\(hops == 1 ? "" : "s"), so loss per relay hop cannot be separated from initial learning"
        case .halfLifeAtBoundary(let halfLife, let bound):
            "the half-life (\(Self.format(halfLife)) days) runs to the search limit of \(Self.format(bound)) days: the answers do not pin it down"
        case .shapeAtBoundary(let shape, let bound):
            "the curve's shape d (\(Self.format(shape))) runs to the search limit of \(Self.format(bound)): the answers do not show a power-law tail"
        case .halfLifeTooUncertain(let lower, let upper, let limit):
            "the half-life is only known to lie between \(Self.format(lower)) and \(Self.format(upper)) days (more than a factor of \(Self.format(limit)))"
        case .notConverged:
            "the fit did not converge"
        case .retentionAtBoundary(let rho, let bound):
            "the retention per relay hop (\(Self.format(100 * rho))%) runs to the limit of \(Self.format(100 * bound))%: the answers do not separate loss per hop from initial learning"
        case .initialAtBoundary(let initial, let bound):
            "the initial learning (\(Self.format(100 * initial))%) runs to the limit of \(Self.format(100 * bound))%: the answers do not pin it down"
        case .outsideInterval(let figure, let value, let lower, let upper):
            "the \(figure) estimate (\(Self.format(value))) lies outside its own 95% interval (\(Self.format(lower))-\(Self.format(upper))): the fit is not stable enough to quote"
        }
    }

    private static func format(_ value: Double) -> String {
        value >= 10 || value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.2g", value)
    }
}
