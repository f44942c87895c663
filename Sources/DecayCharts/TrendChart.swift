/// A value over weeks: a full chart with axes for a page, or a small sparkline for the overview's tiles.
/// A nil week (no data, or fewer than 3 people) breaks the line and is named in the description.
/// ```swift
/// let trend = TrendChart(title: "Share correct", points: [.init(label: "W45", value: 0.61), .init(label: "W46", value: nil)],
///                        style: .sparkline)
/// ```
public struct TrendChart: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// 240 by 56: the line, its points, and the last value; no axes.
        case sparkline
        /// 720 wide with a value axis and week labels.
        case full
    }

    public struct Point: Sendable, Equatable {
        public var label: String
        public var value: Double?

        public init(label: String, value: Double?) {
            self.label = label
            self.value = value
        }
    }

    /// Another line over the same weeks (acknowledged next to received), in the next palette colour and dash.
    public struct Line: Sendable, Equatable {
        public var name: String
        /// One value per point of the chart, in the same order; nil leaves a gap.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var summary: String
    public var points: [Point]
    /// The main line's name, for the legend and the table when `lines` adds others.
    public var name: String?
    /// More lines over the same weeks; with any, the full chart gets a legend.
    public var lines: [Line]
    public var style: Style
    public var format: ValueFormat
    /// The value axis; nil = 0...1 for percentages, the data's range (padded) otherwise.
    public var domain: ClosedRange<Double>?

    public init(
        title: String, summary: String = "", points: [Point], style: Style = .full, format: ValueFormat = .percent(),
        domain: ClosedRange<Double>? = nil, name: String? = nil, lines: [Line] = []
    ) {
        self.title = title
        self.summary = summary
        self.points = points
        self.name = name
        self.lines = lines
        self.style = style
        self.format = format
        self.domain = domain
    }

    /// The value axis the chart draws: `domain` when given, else 0...1 for percentages, else the data's range padded.
    public var valueDomain: ClosedRange<Double> {
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite { return domain }
        if case .percent = self.format { return 0...1 }
        let values = self.allLines.flatMap(\.values).compactMap { $0 }.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        let pad = high > low ? (high - low) * 0.1 : max(abs(high) * 0.1, 1)
        return (low - pad)...(high + pad)
    }

    /// The chart as a standalone `<svg>` element; `id` prefixes the ids of its title and desc.
    public func svg(id: String) -> String {
        switch self.style {
        case .sparkline: self.sparklineSVG(id: id)
        case .full: self.fullSVG(id: id)
        }
    }

    private func sparklineSVG(id: String) -> String {
        let plot = PlotArea(left: 4, top: 8, right: 180, bottom: 48)
        let document = ChartDocument(id: id, width: 240, height: 56, title: self.title, description: self.description)
        let (x, y) = self.scales(plot)
        return document.render { svg in
            plot.drawBaseline(&svg, color: ChartPalette.grid)
            for (index, line) in self.allLines.enumerated().reversed() {
                self.drawLine(&svg, line, index: index, x: x, y: y, radius: 2.5)
            }
            if let last = self.points.last(where: { $0.value?.isFinite ?? false }), let value = last.value {
                svg.text(self.format.string(value), [
                    "x": .number(plot.right + 10), "y": 26, "font-size": 15, "font-weight": "700",
                ])
                svg.text(TextFit.truncate(last.label, width: 236 - plot.right - 10, fontSize: ChartStyle.smallFontSize), [
                    "x": .number(plot.right + 10), "y": 44, "font-size": .number(ChartStyle.smallFontSize),
                    "fill": .text(ChartPalette.muted),
                ])
            }
        }
    }

    private func fullSVG(id: String) -> String {
        let legend = self.lines.isEmpty ? [] : self.allLines.enumerated().map { index, line in
            LegendItem(label: line.name, mark: .line(color: ChartPalette.color(index), dash: ChartPalette.dash(index), width: 2))
        }
        let top = 16 + Double(Legend.rows(legend, width: 640)) * Legend.rowHeight
        let plot = PlotArea(left: 58, top: top, right: 700, bottom: top + 180)
        let document = ChartDocument(
            id: id, width: 720, height: plot.bottom + 40, title: self.title, description: self.description)
        let (x, y) = self.scales(plot)
        return document.render { svg in
            Legend.draw(&svg, items: legend, x: plot.left, y: 6, width: 640)
            plot.drawYAxis(&svg, scale: y, ticks: y.ticks(count: 4), format: self.format, title: nil)
            plot.drawBaseline(&svg)
            let labelWidth = min(90, (self.points.map { TextFit.width($0.label, fontSize: ChartStyle.smallFontSize) }.max() ?? 0) + 10)
            let every = max(1, Int((Double(self.points.count) * labelWidth / plot.width).rounded(.up)))
            svg.open("g", ["class": "x-axis", "font-size": .number(ChartStyle.smallFontSize), "fill": .text(ChartPalette.muted)])
            for (index, point) in self.points.enumerated() where index % every == 0 || index == self.points.count - 1 {
                if index != self.points.count - 1, (self.points.count - 1 - index) < every { continue }
                let label = TextFit.truncate(point.label, width: labelWidth * Double(every) - 4, fontSize: ChartStyle.smallFontSize)
                svg.text(label, ["x": .number(x(Double(index))), "y": .number(plot.bottom + 18), "text-anchor": "middle"])
            }
            svg.close("g")
            for (index, line) in self.allLines.enumerated().reversed() {
                self.drawLine(&svg, line, index: index, x: x, y: y, radius: 3.5)
            }
            if !self.hasData { plot.drawNote(&svg, "No data yet") }
        }
    }

    /// Weeks evenly along x (inset so the end points clear the frame); values on y, growing upwards.
    private func scales(_ plot: PlotArea) -> (x: LinearScale, y: LinearScale) {
        let inset = self.style == .full ? 16.0 : 2.0
        let x = LinearScale(domain: 0...Double(max(self.points.count - 1, 0)), range: (plot.left + inset)...(plot.right - inset))
        return (x, LinearScale(domain: self.valueDomain, range: plot.top...plot.bottom, inverted: true))
    }

    /// Whether any line has a finite value to draw.
    var hasData: Bool {
        self.allLines.contains { $0.values.contains { $0?.isFinite ?? false } }
    }

    /// The main line (from `points`) first, then `lines`.
    var allLines: [Line] {
        [Line(name: self.name ?? "Value", values: self.points.map(\.value))] + self.lines
    }

    /// One line with a point per week; the first is drawn solid with filled points, the others in their own colour
    /// and dash with hollow points, so they part in grey-scale.
    private func drawLine(_ svg: inout SVGWriter, _ line: Line, index: Int, x: LinearScale, y: LinearScale, radius: Double) {
        var path = SVGPath()
        let values = self.points.indices.map { $0 < line.values.count ? line.values[$0] : nil }
        for (week, value) in values.enumerated() {
            path.add(x(Double(week)), value.map { y($0) })
        }
        let color = ChartPalette.color(index)
        if !path.data.isEmpty {
            svg.element("path", [
                "d": .text(path.data), "fill": "none", "stroke": .text(color), "stroke-width": 2,
                "stroke-dasharray": .text(ChartPalette.dash(index).isEmpty ? "none" : ChartPalette.dash(index)),
                "stroke-linejoin": "round",
            ])
        }
        let prefix = self.lines.isEmpty ? "" : "\(line.name), "
        for (week, value) in values.enumerated() {
            guard let value, value.isFinite else { continue }
            svg.element("circle", [
                "cx": .number(x(Double(week))), "cy": .number(y(value)), "r": .number(radius),
                "fill": .text(index == 0 ? color : "#ffffff"), "stroke": .text(index == 0 ? "#ffffff" : color),
                "stroke-width": .number(index == 0 ? 1 : 1.5),
            ], title: "\(prefix)\(self.points[week].label): \(self.format.string(value))")
        }
    }

    /// The caller's summary, each line's values by week, and the weeks without one.
    var description: String {
        var parts: [String] = []
        if !self.summary.isEmpty { parts.append(self.summary) }
        for line in self.allLines {
            let values = self.points.indices.map { $0 < line.values.count ? line.values[$0] : nil }
            let shown = zip(self.points, values).compactMap { point, value in
                value.flatMap { $0.isFinite ? "\(point.label): \(self.format.string($0))" : nil }
            }
            let missing = zip(self.points, values).filter { !($0.1?.isFinite ?? false) }.map(\.0.label)
            let prefix = self.lines.isEmpty ? "" : "\(line.name): "
            if !shown.isEmpty { parts.append(prefix + shown.joined(separator: "; ") + ".") }
            if !missing.isEmpty {
                parts.append("\(prefix)No value (withheld or no data): \(missing.joined(separator: ", ")).")
            }
        }
        return parts.joined(separator: " ")
    }
}
