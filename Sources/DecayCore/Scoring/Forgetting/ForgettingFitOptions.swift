import Foundation

/// Settings of the forgetting fit; the defaults are the documented ones (docs/forgetting-model.md).
public struct ForgettingFitOptions: Sendable {
    /// Fit the power-law shape `d` per message when its answers fall in at least `minimumShapeDelayBins` distinct
    /// delay bins; otherwise (or when false) it is assumed to be `shape` and the fit says so.
    public var fitsShape: Bool
    /// Distinct delay bins across the message needed before `d` is fitted: a tail needs delays well past the half-life.
    public var minimumShapeDelayBins: Int
    /// An `a` or `rho` estimate within this distance of 0 or 1 has run to the edge of its range and is refused.
    public var probabilityBoundary: Double
    /// The shape used when it is not fitted (and the start when it is).
    public var shape: Double
    /// τh: prior SD of a key point's log half-life around the message's; 0.5 lets points differ by ~1.6× routinely.
    public var halfLifePooling: Double
    /// τa: prior SD of a key point's logit initial learning around the message's.
    public var initialPooling: Double
    /// Search range for half-lives (days); an estimate at its edge is refused.
    public var halfLifeRange: ClosedRange<Double>
    /// Search range for the shape when it is fitted.
    public var shapeRange: ClosedRange<Double>
    /// Fewer distinct people than this for a key point (or for rho, across the message): no figure.
    public var minimumPeople: Int
    /// Fewer distinct delay bins than this for a key point: no figure.
    public var minimumDelayBins: Int
    /// Width of a delay bin in days (7 = whole weeks).
    public var delayBinDays: Double
    /// A half-life whose 95% interval upper/lower exceeds this factor is refused.
    public var maximumHalfLifeRatio: Double
    /// Days at which projected recall is reported.
    public var projectionDays: [Double]
    /// Bootstrap over people for intervals; nil for point estimates only.
    public var bootstrap: ForgettingBootstrap?

    public init(
        fitsShape: Bool = true,
        minimumShapeDelayBins: Int = 8,
        probabilityBoundary: Double = 0.01,
        shape: Double = 1,
        halfLifePooling: Double = 0.5,
        initialPooling: Double = 1,
        halfLifeRange: ClosedRange<Double> = 0.1...3650,
        shapeRange: ClosedRange<Double> = 0.1...10,
        minimumPeople: Int = 20,
        minimumDelayBins: Int = 5,
        delayBinDays: Double = 7,
        maximumHalfLifeRatio: Double = 4,
        projectionDays: [Double] = [30, 60, 90],
        bootstrap: ForgettingBootstrap? = ForgettingBootstrap()
    ) {
        self.fitsShape = fitsShape
        self.minimumShapeDelayBins = minimumShapeDelayBins
        self.probabilityBoundary = probabilityBoundary
        self.shape = shape
        self.halfLifePooling = halfLifePooling
        self.initialPooling = initialPooling
        self.halfLifeRange = halfLifeRange
        self.shapeRange = shapeRange
        self.minimumPeople = minimumPeople
        self.minimumDelayBins = minimumDelayBins
        self.delayBinDays = delayBinDays
        self.maximumHalfLifeRatio = maximumHalfLifeRatio
        self.projectionDays = projectionDays
        self.bootstrap = bootstrap
    }
}
