/// Bars with whiskers for categories such as relay hops 0, 1, 2, 3: each bar a value with its interval and a
/// printed label; a category with no value (fewer than 3 people) is a labelled gap, never a bar.
/// ```swift
/// let chart = IntervalBarChart(title: "Recall by relay hop", bars: [
///     .init(label: "Direct", value: 0.72, lower: 0.66, upper: 0.78, count: 210),
///     .init(label: "3 hops", value: nil, count: 2),
/// ])
/// ```
public struct IntervalBarChart: Sendable, Equatable {
    public enum Orientation: Sendable, Equatable {
        /// Categories along the x axis, bars growing upwards.
        case vertical
        /// Categories down the y axis, bars growing to the right (long labels, many categories).
        case horizontal
    }

    public struct Bar: Sendable, Equatable {
        public var label: String
        /// Nil when withheld (fewer than 3 people).
        public var value: Double?
        public var lower: Double?
        public var upper: Double?
        /// How many people the value is from, printed with it when given.
        public var count: Int?
        /// What the value should reach (a scorecard's target), drawn as a black tick across the bar.
        public var target: Double?

        public init(
            label: String, value: Double?, lower: Double? = nil, upper: Double? = nil, count: Int? = nil,
            target: Double? = nil
        ) {
            self.label = label
            self.value = value
            self.lower = lower
            self.upper = upper
            self.count = count
            self.target = target
        }
    }

    public var title: String
    public var summary: String
    public var bars: [Bar]
    public var orientation: Orientation
    public var format: ValueFormat
    /// The value axis; nil = 0...1 for percentages, 0 to the largest upper bound otherwise.
    public var domain: ClosedRange<Double>?
    public var valueAxisLabel: String?
    /// The words drawn in place of a withheld bar.
    public var withheldLabel: String

    public init(
        title: String, summary: String = "", bars: [Bar], orientation: Orientation = .vertical,
        format: ValueFormat = .percent(), domain: ClosedRange<Double>? = nil, valueAxisLabel: String? = nil,
        withheldLabel: String = "fewer than 3 people"
    ) {
        self.title = title
        self.summary = summary
        self.bars = bars
        self.orientation = orientation
        self.format = format
        self.domain = domain
        self.valueAxisLabel = valueAxisLabel
        self.withheldLabel = withheldLabel
    }

    static let width = 720.0

    /// The chart as a standalone `<svg>` element; `id` prefixes the ids of its title and desc.
    public func svg(id: String) -> String {
        switch self.orientation {
        case .vertical: self.verticalSVG(id: id)
        case .horizontal: self.horizontalSVG(id: id)
        }
    }

    /// The value axis the chart draws: `domain` when given, else 0...1 for percentages, else the figures (and 0) padded.
    public var valueDomain: ClosedRange<Double> {
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite { return domain }
        if case .percent = self.format { return 0...1 }
        let figures = self.bars.flatMap { [$0.value, $0.lower, $0.upper, $0.target] }.compactMap { $0 }.filter(\.isFinite)
        let highest = max(figures.max() ?? 1, 0)
        let lowest = min(figures.min() ?? 0, 0)
        let pad = max(highest - lowest, 1e-9) * 0.1
        return (lowest < 0 ? lowest - pad : 0)...(highest > 0 ? highest + pad : pad)
    }

    /// `value` held inside the value axis, so a share above 100% or a figure off a caller's domain stays in the plot.
    func clamped(_ value: Double) -> Double {
        min(max(value, self.valueDomain.lowerBound), self.valueDomain.upperBound)
    }

    private func verticalSVG(id: String) -> String {
        let plot = PlotArea(left: 58, top: 24 + self.legendHeight, right: Self.width - 16, bottom: 284 + self.legendHeight)
        let document = ChartDocument(
            id: id, width: Self.width, height: plot.bottom + 50, title: self.title, description: self.description)
        let value = LinearScale(domain: self.valueDomain, range: plot.top...plot.bottom, inverted: true)
        let slot = plot.width / Double(max(self.bars.count, 1))
        let barWidth = min(slot * 0.6, 90)
        return document.render { svg in
            self.drawLegend(&svg, left: plot.left)
            plot.drawYAxis(&svg, scale: value, ticks: value.ticks(count: 5), format: self.format, title: self.valueAxisLabel)
            plot.drawBaseline(&svg)
            if self.bars.isEmpty { plot.drawNote(&svg, "No data yet") }
            for (index, bar) in self.bars.enumerated() {
                let center = plot.left + slot * (Double(index) + 0.5)
                plot.drawCategoryLabel(&svg, bar.label, center: center, room: slot - 4)
                guard let v = bar.value, v.isFinite else {
                    self.drawWithheld(&svg, x: center, y: plot.bottom - 10, anchor: "middle", width: slot)
                    self.drawTarget(&svg, bar, scale: value, across: center, length: barWidth + 16)
                    continue
                }
                self.drawBar(&svg, bar, value: v, scale: value, across: center, thickness: barWidth)
                self.drawTarget(&svg, bar, scale: value, across: center, length: barWidth + 16)
            }
        }
    }

    private func horizontalSVG(id: String) -> String {
        let labelRoom = min(220, max(60, self.bars.map { TextFit.width($0.label, fontSize: ChartStyle.fontSize) }.max() ?? 60))
        let rowHeight = 30.0
        let plot = PlotArea(
            left: labelRoom + 16, top: 12 + self.legendHeight, right: Self.width - 110,
            bottom: 12 + self.legendHeight + rowHeight * Double(max(self.bars.count, 1)))
        let document = ChartDocument(
            id: id, width: Self.width, height: plot.bottom + 50, title: self.title, description: self.description)
        let value = LinearScale(domain: self.valueDomain, range: plot.left...plot.right)
        return document.render { svg in
            self.drawLegend(&svg, left: plot.left)
            for tick in value.ticks(count: 5) {
                svg.element("line", [
                    "x1": .number(value(tick)), "x2": .number(value(tick)), "y1": .number(plot.top),
                    "y2": .number(plot.bottom), "stroke": .text(ChartPalette.grid), "stroke-width": 1,
                ])
            }
            plot.drawXAxis(&svg, scale: value, ticks: value.ticks(count: 5), format: self.format, title: self.valueAxisLabel)
            plot.drawLeftAxis(&svg)
            for (index, bar) in self.bars.enumerated() {
                let middle = plot.top + rowHeight * (Double(index) + 0.5)
                plot.drawRowLabel(&svg, bar.label, middle: middle, room: labelRoom)
                guard let v = bar.value, v.isFinite else {
                    self.drawWithheld(&svg, x: plot.left + 8, y: middle + 4, anchor: "start", width: plot.width)
                    self.drawTarget(&svg, bar, scale: value, across: middle, length: rowHeight * 0.6 + 10)
                    continue
                }
                self.drawBar(&svg, bar, value: v, scale: value, across: middle, thickness: rowHeight * 0.6)
                self.drawTarget(&svg, bar, scale: value, across: middle, length: rowHeight * 0.6 + 10)
            }
        }
    }

    /// One bar from the baseline to its value, its whisker, and its value label beyond both; `across` is the bar's
    /// centre on the category axis.
    private func drawBar(
        _ svg: inout SVGWriter, _ bar: Bar, value v: Double, scale: LinearScale, across: Double, thickness: Double
    ) {
        let end = scale(self.clamped(v))
        let base = scale(self.clamped(0))
        let near = min(end, base)
        let length = abs(end - base)
        let side = across - thickness / 2
        let vertical = self.orientation == .vertical
        svg.element("rect", [
            "x": .number(vertical ? side : near), "y": .number(vertical ? near : side),
            "width": .number(vertical ? thickness : length), "height": .number(vertical ? length : thickness),
            "fill": .text(ChartPalette.color(0)),
        ], title: self.barText(bar, value: v))
        let whisker = self.whisker(bar, scale: scale)
        if let whisker {
            let path = vertical
                ? Self.verticalWhisker(x: across, from: whisker.0, to: whisker.1)
                : Self.horizontalWhisker(y: across, from: whisker.0, to: whisker.1)
            svg.element("path", [
                "d": .text(path), "stroke": .text(ChartPalette.ink), "stroke-width": 1.5, "fill": "none",
            ])
        }
        if vertical {
            let labelY = min(end, whisker.map { min($0.0, $0.1) } ?? end, self.targetPosition(bar, scale) ?? end) - 6
            svg.text(self.format.string(v), [
                "x": .number(across), "y": .number(max(labelY, 12)), "text-anchor": "middle", "font-weight": "600",
            ])
        } else {
            let labelX = max(end, whisker.map { max($0.0, $0.1) } ?? end, self.targetPosition(bar, scale) ?? end) + 6
            svg.text(self.format.string(v), ["x": .number(labelX), "y": .number(across + 4), "font-weight": "600"])
        }
    }

    /// Room for the one-line legend that explains the target tick, when any bar has a target.
    private var legendHeight: Double {
        self.bars.contains { $0.target?.isFinite ?? false } ? Legend.rowHeight + 4 : 0
    }

    private func drawLegend(_ svg: inout SVGWriter, left: Double) {
        guard self.legendHeight > 0 else { return }
        Legend.draw(&svg, items: [LegendItem(label: "Target", mark: .line(color: ChartPalette.ink, dash: "", width: 3))],
                    x: left, y: 4, width: Self.width - left)
    }

    private func targetPosition(_ bar: Bar, _ scale: LinearScale) -> Double? {
        bar.target.flatMap { $0.isFinite ? scale(self.clamped($0)) : nil }
    }

    /// The bar's target as a thick black tick across its slot, drawn over the bar so it reads against any fill.
    private func drawTarget(_ svg: inout SVGWriter, _ bar: Bar, scale: LinearScale, across: Double, length: Double) {
        guard let target = bar.target, let at = self.targetPosition(bar, scale) else { return }
        let vertical = self.orientation == .vertical
        svg.element("line", [
            "x1": .number(vertical ? across - length / 2 : at), "x2": .number(vertical ? across + length / 2 : at),
            "y1": .number(vertical ? at : across - length / 2), "y2": .number(vertical ? at : across + length / 2),
            "stroke": .text(ChartPalette.ink), "stroke-width": 3, "class": "target",
        ], title: "\(bar.label): target \(self.format.string(target))")
    }

    private func drawWithheld(_ svg: inout SVGWriter, x: Double, y: Double, anchor: String, width: Double) {
        let text = TextFit.truncate(self.withheldLabel, width: max(width - 4, 12), fontSize: ChartStyle.smallFontSize)
        svg.text(text, [
            "x": .number(x), "y": .number(y), "text-anchor": .text(anchor), "font-style": "italic",
            "font-size": .number(ChartStyle.smallFontSize), "fill": .text(ChartPalette.muted),
        ], title: self.withheldLabel)
    }

    private func whisker(_ bar: Bar, scale: LinearScale) -> (Double, Double)? {
        guard let lower = bar.lower, let upper = bar.upper, lower.isFinite, upper.isFinite else { return nil }
        return (scale(self.clamped(lower)), scale(self.clamped(upper)))
    }

    private func barText(_ bar: Bar, value: Double) -> String {
        var text = "\(bar.label): \(self.format.string(value))"
        if let lower = bar.lower, let upper = bar.upper, lower.isFinite, upper.isFinite {
            text += " (\(self.format.string(lower))–\(self.format.string(upper)))"
        }
        if let count = bar.count { text += ", \(count) people" }
        if let target = bar.target, target.isFinite { text += ", target \(self.format.string(target))" }
        return text
    }

    /// The caller's summary, then every bar in words, then the withheld ones by name.
    var description: String {
        var parts: [String] = []
        if !self.summary.isEmpty { parts.append(self.summary) }
        let shown = self.bars.compactMap { bar in bar.value.flatMap { $0.isFinite ? self.barText(bar, value: $0) : nil } }
        if !shown.isEmpty { parts.append(shown.joined(separator: "; ") + ".") }
        let withheld = self.bars.filter { !($0.value?.isFinite ?? false) }.map(\.label)
        if !withheld.isEmpty { parts.append("Withheld, \(self.withheldLabel): \(withheld.joined(separator: ", ")).") }
        return parts.joined(separator: " ")
    }

    static func verticalWhisker(x: Double, from: Double, to: Double) -> String {
        var path = SVGPath()
        path.add(x, from)
        path.add(x, to)
        for end in [from, to] {
            path.lift()
            path.add(x - 6, end)
            path.add(x + 6, end)
        }
        return path.data
    }

    static func horizontalWhisker(y: Double, from: Double, to: Double) -> String {
        var path = SVGPath()
        path.add(from, y)
        path.add(to, y)
        for end in [from, to] {
            path.lift()
            path.add(end, y - 6)
            path.add(end, y + 6)
        }
        return path.data
    }
}
