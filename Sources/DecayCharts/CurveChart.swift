/// The forgetting curve of one key point: share correct (0-100%) against days since delivery, with fitted lines and
/// their interval bands, observed recall per delay bin with Wilson bars and counts, a target line, and the stretch
/// beyond the observed data up to the horizon (90 days) drawn as a dashed projection.
///
/// Shares are fractions in 0...1; anything not finite is skipped, never written.
/// ```swift
/// let chart = CurveChart(
///     title: "Target market", summary: "Recall halves after 21 days.",
///     series: [.init(name: "Fitted", days: [0, 30, 60, 90], values: [0.9, 0.6, 0.45, 0.38])],
///     observations: [.init(day: 7, share: 0.8, lower: 0.7, upper: 0.87, count: 40)],
///     target: .init(share: 0.6, label: "Target"), observedThrough: 30)
/// let markup = chart.svg(id: "curve-target-market")
/// ```
public struct CurveChart: Sendable, Equatable {
    /// One fitted line: a value (and optionally an interval) at each sampled day; nil leaves a gap.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var days: [Double]
        public var values: [Double?]
        public var lower: [Double?]?
        public var upper: [Double?]?

        public init(name: String, days: [Double], values: [Double?], lower: [Double?]? = nil, upper: [Double?]? = nil) {
            self.name = name
            self.days = days
            self.values = values
            self.lower = lower
            self.upper = upper
        }
    }

    /// Observed recall in one delay bin: the share correct with its Wilson interval and how many answers it holds;
    /// `share` nil means fewer than 3 people, drawn as nothing and named in the description.
    public struct Observation: Sendable, Equatable {
        public var day: Double
        public var share: Double?
        public var lower: Double?
        public var upper: Double?
        public var count: Int

        public init(day: Double, share: Double?, lower: Double? = nil, upper: Double? = nil, count: Int) {
            self.day = day
            self.share = share
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    /// The share the message should keep, drawn as a labelled horizontal line.
    public struct Target: Sendable, Equatable {
        public var share: Double
        public var label: String
        /// Whether the drawn label and the description add the share after `label`; off for a label that already
        /// says it in its own words.
        public var appendsShare: Bool

        public init(share: Double, label: String = "Target", appendsShare: Bool = true) {
            self.share = share
            self.label = label
            self.appendsShare = appendsShare
        }

        /// The label with the share, as drawn beside the line.
        func text(_ percent: ValueFormat) -> String {
            self.appendsShare ? "\(self.label) \(percent.string(self.share))" : self.label
        }
    }

    public var title: String
    /// What the chart shows in words, for screen readers; the chart appends its data.
    public var summary: String
    public var series: [Series]
    public var observations: [Observation]
    public var target: Target?
    /// The last day with observed data; beyond it the lines are a projection. Nil = the last observation's day.
    public var observedThrough: Double?
    /// The right end of the x axis, in days.
    public var horizon: Double
    public var xAxisLabel: String
    public var yAxisLabel: String

    public init(
        title: String, summary: String = "", series: [Series], observations: [Observation] = [],
        target: Target? = nil, observedThrough: Double? = nil, horizon: Double = 90,
        xAxisLabel: String = "Days since delivery", yAxisLabel: String = "Share correct"
    ) {
        self.title = title
        self.summary = summary
        self.series = series
        self.observations = observations
        self.target = target
        self.observedThrough = observedThrough
        self.horizon = horizon
        self.xAxisLabel = xAxisLabel
        self.yAxisLabel = yAxisLabel
    }

    static let width = 720.0
    static let plotHeight = 300.0

    /// The chart as a standalone `<svg>` element; `id` prefixes the ids of its title, desc and patterns.
    public func svg(id: String) -> String {
        let legend = self.legendItems
        let legendRows = Double(Legend.rows(legend, width: Self.width - 70))
        let top = 12 + legendRows * Legend.rowHeight + 8
        let plot = PlotArea(left: 58, top: top, right: Self.width - 20, bottom: top + Self.plotHeight)
        let height = plot.bottom + 46
        let document = ChartDocument(
            id: id, width: Self.width, height: height, title: self.title, description: self.description)
        let days = self.dayDomain
        let x = LinearScale(domain: 0...days, range: plot.left...plot.right)
        let y = LinearScale(domain: 0...1, range: plot.top...plot.bottom, inverted: true)
        return document.render { svg in
            Legend.draw(&svg, items: legend, x: plot.left, y: 10, width: Self.width - 70)
            self.drawProjectionZone(&svg, plot: plot, x: x)
            plot.drawYAxis(&svg, scale: y, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], format: .percent(), title: self.yAxisLabel)
            plot.drawXAxis(&svg, scale: x, ticks: Self.dayTicks(days), format: .number(decimals: 0), title: self.xAxisLabel)
            for (index, series) in self.series.enumerated() {
                self.drawBand(&svg, series: series, index: index, x: x, y: y)
            }
            for (index, series) in self.series.enumerated() {
                self.drawLine(&svg, series: series, index: index, x: x, y: y)
            }
            self.drawTarget(&svg, plot: plot, y: y)
            self.drawObservations(&svg, x: x, y: y)
            if !self.hasData { plot.drawNote(&svg, "No data yet") }
        }
    }

    /// Whether anything at all is drawn: a finite point of a line, or an observation (shown or withheld).
    var hasData: Bool {
        !self.observations.isEmpty
            || self.series.contains { series in zip(series.days, series.values).contains { $0.0.isFinite && ($0.1?.isFinite ?? false) } }
    }

    /// Where observation stops and projection starts, clamped to the axis.
    var projectionStart: Double? {
        let last = self.observedThrough ?? self.observations.map(\.day).filter(\.isFinite).max()
        guard let last, last.isFinite, last < self.dayDomain else { return nil }
        return max(0, last)
    }

    var dayDomain: Double {
        let furthest = (self.series.flatMap(\.days) + self.observations.map(\.day)).filter(\.isFinite).max() ?? 0
        let horizon = self.horizon.isFinite && self.horizon > 0 ? self.horizon : 90
        return max(horizon, furthest, 1)
    }

    private var legendItems: [LegendItem] {
        var items: [LegendItem] = []
        for (index, series) in self.series.enumerated() {
            items.append(LegendItem(label: series.name, mark: .line(
                color: ChartPalette.color(index), dash: ChartPalette.dash(index), width: 2.5)))
            if series.lower != nil, series.upper != nil {
                items.append(LegendItem(label: "\(series.name): interval", mark: .swatch(
                    fill: ChartPalette.color(index), opacity: 0.18)))
            }
        }
        if !self.observations.isEmpty {
            items.append(LegendItem(label: "Observed (Wilson interval)", mark: .point(color: ChartPalette.ink)))
        }
        if let target = self.target {
            items.append(LegendItem(label: target.label, mark: .line(color: ChartPalette.ink, dash: "6 3 1 3", width: 1.5)))
        }
        if self.projectionStart != nil {
            items.append(LegendItem(label: "Projection", mark: .line(color: ChartPalette.muted, dash: "4 4", width: 2)))
        }
        return items
    }

    private func drawProjectionZone(_ svg: inout SVGWriter, plot: PlotArea, x: LinearScale) {
        guard let start = self.projectionStart else { return }
        let left = x(start)
        svg.element("rect", [
            "x": .number(left), "y": .number(plot.top), "width": .number(plot.right - left), "height": .number(plot.height),
            "fill": "#f2f2f2",
        ])
        svg.element("line", [
            "x1": .number(left), "x2": .number(left), "y1": .number(plot.top), "y2": .number(plot.bottom),
            "stroke": .text(ChartPalette.muted), "stroke-width": 1, "stroke-dasharray": "4 4",
        ])
        svg.text("projection", [
            "x": .number(left + 6), "y": .number(plot.top + 14), "font-size": .number(ChartStyle.smallFontSize),
            "fill": .text(ChartPalette.muted), "font-style": "italic",
        ])
    }

    private func drawBand(_ svg: inout SVGWriter, series: Series, index: Int, x: LinearScale, y: LinearScale) {
        guard let lower = series.lower, let upper = series.upper else { return }
        var path = SVGPath()
        for run in Self.runs(days: series.days, lower: lower, upper: upper) {
            for (day, _, high) in run { path.add(x(day), y(Self.clamp(high))) }
            for (day, low, _) in run.reversed() { path.add(x(day), y(Self.clamp(low))) }
            path.closeShape()
        }
        guard !path.data.isEmpty else { return }
        svg.element("path", [
            "d": .text(path.data), "fill": .text(ChartPalette.color(index)), "fill-opacity": 0.18, "stroke": "none",
        ], title: "\(series.name): interval")
    }

    private func drawLine(_ svg: inout SVGWriter, series: Series, index: Int, x: LinearScale, y: LinearScale) {
        let split = self.projectionStart ?? .infinity
        var observed = SVGPath()
        var projected = SVGPath()
        let points = zip(series.days, series.values).filter { $0.0.isFinite }.sorted { $0.0 < $1.0 }
        var previous: (Double, Double)?
        for (day, value) in points {
            guard let value, value.isFinite else {
                observed.lift()
                projected.lift()
                previous = nil
                continue
            }
            let share = Self.clamp(value)
            if day <= split {
                observed.add(x(day), y(share))
            } else {
                if let previous, previous.0 <= split {
                    let t = (split - previous.0) / (day - previous.0)
                    let joint = previous.1 + (share - previous.1) * t
                    observed.add(x(split), y(joint))
                    projected.add(x(split), y(joint))
                }
                projected.add(x(day), y(share))
            }
            previous = (day, share)
        }
        let color = ChartPalette.color(index)
        let dash = ChartPalette.dash(index)
        if !observed.data.isEmpty {
            svg.element("path", [
                "d": .text(observed.data), "fill": "none", "stroke": .text(color), "stroke-width": 2.5,
                "stroke-dasharray": .text(dash.isEmpty ? "none" : dash), "stroke-linejoin": "round",
            ], title: series.name)
        }
        if !projected.data.isEmpty {
            svg.element("path", [
                "d": .text(projected.data), "fill": "none", "stroke": .text(color), "stroke-width": 2,
                "stroke-dasharray": "4 4", "stroke-linejoin": "round",
            ], title: "\(series.name) (projection)")
        }
    }

    private func drawTarget(_ svg: inout SVGWriter, plot: PlotArea, y: LinearScale) {
        guard let target = self.target, target.share.isFinite else { return }
        let ty = y(Self.clamp(target.share))
        svg.element("line", [
            "x1": .number(plot.left), "x2": .number(plot.right), "y1": .number(ty), "y2": .number(ty),
            "stroke": .text(ChartPalette.ink), "stroke-width": 1.5, "stroke-dasharray": "6 3 1 3",
        ])
        let label = target.text(ValueFormat.percent())
        let labelWidth = TextFit.width(label, fontSize: ChartStyle.smallFontSize) + 8
        svg.element("rect", [
            "x": .number(plot.right - labelWidth - 2), "y": .number(ty - 17), "width": .number(labelWidth),
            "height": 14, "fill": "#ffffff", "fill-opacity": 0.85,
        ])
        svg.text(label, [
            "x": .number(plot.right - 6), "y": .number(ty - 6), "text-anchor": "end",
            "font-size": .number(ChartStyle.smallFontSize), "font-weight": "600",
        ])
    }

    private func drawObservations(_ svg: inout SVGWriter, x: LinearScale, y: LinearScale) {
        svg.open("g", ["class": "observed", "stroke": .text(ChartPalette.ink)])
        for point in self.observations {
            guard let share = point.share, share.isFinite, point.day.isFinite else { continue }
            let cx = x(point.day)
            let cy = y(Self.clamp(share))
            let low = point.lower.flatMap { $0.isFinite ? y(Self.clamp($0)) : nil }
            let high = point.upper.flatMap { $0.isFinite ? y(Self.clamp($0)) : nil }
            let tip = self.observationText(point, share: share)
            if let low, let high {
                svg.element("line", [
                    "x1": .number(cx), "x2": .number(cx), "y1": .number(low), "y2": .number(high), "stroke-width": 1.5,
                ])
                for end in [low, high] {
                    svg.element("line", [
                        "x1": .number(cx - 4), "x2": .number(cx + 4), "y1": .number(end), "y2": .number(end), "stroke-width": 1.5,
                    ])
                }
            }
            svg.element("circle", [
                "cx": .number(cx), "cy": .number(cy), "r": 4, "fill": "#ffffff", "stroke-width": 1.5,
            ], title: tip)
            svg.text("n=\(point.count)", [
                "x": .number(cx), "y": .number(min(high ?? cy, cy) - 6), "text-anchor": "middle",
                "font-size": .number(ChartStyle.smallFontSize - 1), "stroke": "none", "fill": .text(ChartPalette.muted),
            ])
        }
        svg.close("g")
    }

    private func observationText(_ point: Observation, share: Double) -> String {
        let percent = ValueFormat.percent()
        var text = "Day \(ValueFormat.number(decimals: 0).string(point.day)): \(percent.string(share))"
        if let lower = point.lower, let upper = point.upper {
            text += " (\(percent.string(lower))–\(percent.string(upper)))"
        }
        return text + ", \(point.count) answers"
    }

    /// The words a screen reader gets: the caller's summary, each line's start and end, each observed bin, and
    /// every bin withheld for having fewer than 3 people.
    var description: String {
        var parts: [String] = []
        if !self.summary.isEmpty { parts.append(self.summary) }
        let percent = ValueFormat.percent()
        let day = ValueFormat.number(decimals: 0)
        for series in self.series {
            let finite = zip(series.days, series.values).compactMap { d, v in
                v.flatMap { $0.isFinite && d.isFinite ? (d, $0) : nil }
            }.sorted { $0.0 < $1.0 }
            if let first = finite.first, let last = finite.last {
                parts.append("\(series.name): \(percent.string(first.1)) at day \(day.string(first.0)), "
                    + "\(percent.string(last.1)) at day \(day.string(last.0)).")
            } else {
                parts.append("\(series.name): no values.")
            }
        }
        let shown = self.observations.compactMap { point in
            point.share.flatMap { $0.isFinite && point.day.isFinite ? self.observationText(point, share: $0) : nil }
        }
        if !shown.isEmpty { parts.append("Observed: " + shown.joined(separator: "; ") + ".") }
        let withheld = self.observations.filter { $0.share == nil || !($0.share?.isFinite ?? false) }
        if !withheld.isEmpty {
            let days = withheld.map { "day \(day.string($0.day))" }.joined(separator: ", ")
            parts.append("Withheld, fewer than 3 people: \(days).")
        }
        if let target = self.target, target.share.isFinite {
            parts.append(target.appendsShare ? "\(target.label): \(percent.string(target.share))." : "\(target.label).")
        }
        if let start = self.projectionStart {
            parts.append("Beyond day \(day.string(start)) the lines are a projection.")
        }
        return parts.joined(separator: " ")
    }

    /// Day ticks in steps a reader counts in (a week, a fortnight, a month...), at most seven, ending on the horizon
    /// when it is a multiple of the step (0, 15, 30 ... 90).
    static func dayTicks(_ days: Double) -> [Double] {
        let step = [1.0, 2, 5, 7, 10, 14, 15, 30, 60, 90, 180, 365].first { days / $0 <= 6 } ?? (days / 6).rounded(.up)
        return (0...Int(days / step)).map { Double($0) * step }
    }

    static func clamp(_ share: Double) -> Double {
        min(max(share, 0), 1)
    }

    /// Consecutive samples where day, lower and upper are all finite: one band piece each.
    static func runs(days: [Double], lower: [Double?], upper: [Double?]) -> [[(Double, Double, Double)]] {
        var runs: [[(Double, Double, Double)]] = []
        var current: [(Double, Double, Double)] = []
        let samples = (0..<min(days.count, lower.count, upper.count)).map { (days[$0], lower[$0], upper[$0]) }
            .filter { $0.0.isFinite }.sorted { $0.0 < $1.0 }
        for (day, low, high) in samples {
            if let low, let high, low.isFinite, high.isFinite {
                current.append((day, low, high))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
