extension CurveChart.Series {
    /// A line sampled from a model every `step` days from 0 through `days`, so a fitted curve draws as a curve
    /// rather than straight segments between a few anchors; `lower`/`upper` sample its band the same way.
    /// ```swift
    /// .sampled(name: "Fitted") { t in 0.25 + 0.7 * pow(1 + c * t / h, -d) }
    /// ```
    public static func sampled(
        name: String, through days: Double = 90, step: Double = 1, value: (Double) -> Double?,
        lower: ((Double) -> Double?)? = nil, upper: ((Double) -> Double?)? = nil
    ) -> CurveChart.Series {
        let count = days.isFinite && step.isFinite && step > 0 && days >= 0 ? min(Int(days / step), 10_000) : 0
        let grid = (0...count).map { Double($0) * step }
        return CurveChart.Series(
            name: name, days: grid, values: grid.map(value), lower: lower.map { grid.map($0) },
            upper: upper.map { grid.map($0) })
    }
}
