import Foundation

/// Maps a data interval onto a pixel interval, and picks round tick values for its axis.
public struct LinearScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// When true the lowest value maps to the upper end of `range` (a y axis, where SVG grows downwards).
    public var inverted: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, inverted: Bool = false) {
        self.domain = domain
        self.range = range
        self.inverted = inverted
    }

    /// The position of `value`; a zero-width domain maps everything to the middle of the range.
    public func callAsFunction(_ value: Double) -> Double {
        let span = self.domain.upperBound - self.domain.lowerBound
        let share = span > 0 && span.isFinite ? (value - self.domain.lowerBound) / span : 0.5
        let t = self.inverted ? 1 - share : share
        return self.range.lowerBound + t * (self.range.upperBound - self.range.lowerBound)
    }

    /// About `count` round values (steps of 1, 2, 2.5 or 5 times a power of ten) inside the domain.
    public func ticks(count: Int) -> [Double] {
        let lo = self.domain.lowerBound
        let hi = self.domain.upperBound
        guard lo.isFinite, hi.isFinite, hi > lo, count > 0 else { return lo.isFinite ? [lo] : [] }
        let raw = (hi - lo) / Double(count)
        let power = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        var ticks: [Double] = []
        var index = (lo / step).rounded(.up)
        while index * step <= hi + step * 1e-9, ticks.count < 100 {
            ticks.append(index * step)
            index += 1
        }
        return ticks
    }
}
