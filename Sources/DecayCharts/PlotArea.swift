/// The rectangle data is drawn in, and the axes, grid and legend around it that the charts share.
struct PlotArea {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { self.right - self.left }
    var height: Double { self.bottom - self.top }

    /// Horizontal grid lines with value labels on the left, for a y scale.
    func drawYAxis(_ svg: inout SVGWriter, scale: LinearScale, ticks: [Double], format: ValueFormat, title: String?) {
        svg.open("g", ["class": "y-axis", "font-size": .number(ChartStyle.smallFontSize)])
        for tick in ticks {
            let y = scale(tick)
            svg.element("line", [
                "x1": .number(self.left), "x2": .number(self.right), "y1": .number(y), "y2": .number(y),
                "stroke": .text(ChartPalette.grid), "stroke-width": 1,
            ])
            svg.text(format.string(tick), [
                "x": .number(self.left - 6), "y": .number(y + 4), "text-anchor": "end",
                "fill": .text(ChartPalette.muted),
            ])
        }
        svg.close("g")
        if let title {
            let x = 14.0
            let y = (self.top + self.bottom) / 2
            svg.text(title, [
                "x": .number(x), "y": .number(y), "text-anchor": "middle",
                "transform": .text("rotate(-90 \(SVGWriter.number(x) ?? "0") \(SVGWriter.number(y) ?? "0"))"),
                "fill": .text(ChartPalette.muted),
            ])
        }
    }

    /// The line along the bottom of the plot.
    func drawBaseline(_ svg: inout SVGWriter, color: String = ChartPalette.ink) {
        svg.element("line", [
            "x1": .number(self.left), "x2": .number(self.right), "y1": .number(self.bottom),
            "y2": .number(self.bottom), "stroke": .text(color), "stroke-width": 1,
        ])
    }

    /// The line along the left of the plot, where horizontal bars start.
    func drawLeftAxis(_ svg: inout SVGWriter) {
        svg.element("line", [
            "x1": .number(self.left), "x2": .number(self.left), "y1": .number(self.top), "y2": .number(self.bottom),
            "stroke": .text(ChartPalette.ink), "stroke-width": 1,
        ])
    }

    /// A row's name left of the plot, right-aligned at its middle, cut to `room` with the full name for hover.
    func drawRowLabel(_ svg: inout SVGWriter, _ name: String, middle: Double, room: Double) {
        let label = TextFit.truncate(name, width: room, fontSize: ChartStyle.fontSize)
        svg.text(label, [
            "x": .number(self.left - 8), "y": .number(middle + 5), "text-anchor": "end",
        ], title: label == name ? nil : name)
    }

    /// A category's name under the plot, centred on its slot, cut to the slot's width with the full name for hover.
    func drawCategoryLabel(_ svg: inout SVGWriter, _ name: String, center: Double, room: Double) {
        let label = TextFit.truncate(name, width: room, fontSize: ChartStyle.fontSize)
        svg.text(label, [
            "x": .number(center), "y": .number(self.bottom + 20), "text-anchor": "middle",
        ], title: label == name ? nil : name)
    }

    /// A short italic note in the middle of the plot, for a chart with nothing to draw ("No data yet").
    func drawNote(_ svg: inout SVGWriter, _ text: String) {
        svg.text(text, [
            "x": .number((self.left + self.right) / 2), "y": .number((self.top + self.bottom) / 2),
            "text-anchor": "middle", "font-style": "italic", "fill": .text(ChartPalette.muted),
        ])
    }

    /// The baseline with tick marks and labels under it, for an x scale.
    func drawXAxis(_ svg: inout SVGWriter, scale: LinearScale, ticks: [Double], format: ValueFormat, title: String?) {
        self.drawBaseline(&svg)
        svg.open("g", ["class": "x-axis", "font-size": .number(ChartStyle.smallFontSize)])
        for tick in ticks {
            let x = scale(tick)
            svg.element("line", [
                "x1": .number(x), "x2": .number(x), "y1": .number(self.bottom), "y2": .number(self.bottom + 5),
                "stroke": .text(ChartPalette.ink), "stroke-width": 1,
            ])
            svg.text(format.string(tick), [
                "x": .number(x), "y": .number(self.bottom + 18), "text-anchor": "middle",
                "fill": .text(ChartPalette.muted),
            ])
        }
        svg.close("g")
        if let title {
            svg.text(title, [
                "x": .number((self.left + self.right) / 2), "y": .number(self.bottom + 36), "text-anchor": "middle",
                "fill": .text(ChartPalette.muted),
            ])
        }
    }
}

/// One entry of a chart's legend: a line sample (colour, dash, width), a filled swatch, or a point with a bar.
struct LegendItem {
    enum Mark {
        case line(color: String, dash: String, width: Double)
        case swatch(fill: String, opacity: Double)
        case point(color: String)
    }

    var label: String
    var mark: Mark
}

/// Lays legend items left to right, wrapping at `width`; returns the height used.
enum Legend {
    static let rowHeight = 20.0

    /// The rows the items need at this width, so a chart can reserve room before drawing.
    static func rows(_ items: [LegendItem], width: Double) -> Int {
        self.layout(items, width: width).last.map { $0.row + 1 } ?? 0
    }

    static func draw(_ svg: inout SVGWriter, items: [LegendItem], x: Double, y: Double, width: Double) {
        guard !items.isEmpty else { return }
        svg.open("g", ["class": "legend"])
        for (item, slot) in zip(items, self.layout(items, width: width)) {
            let left = x + slot.x
            let middle = y + Double(slot.row) * self.rowHeight + 10
            switch item.mark {
            case .line(let color, let dash, let lineWidth):
                svg.element("line", [
                    "x1": .number(left), "x2": .number(left + 26), "y1": .number(middle), "y2": .number(middle),
                    "stroke": .text(color), "stroke-width": .number(lineWidth), "stroke-dasharray": .text(dash.isEmpty ? "none" : dash),
                ])
            case .swatch(let fill, let opacity):
                svg.element("rect", [
                    "x": .number(left), "y": .number(middle - 6), "width": 26, "height": 12,
                    "fill": .text(fill), "fill-opacity": .number(opacity), "stroke": .text(ChartPalette.muted), "stroke-width": 0.5,
                ])
            case .point(let color):
                svg.element("line", [
                    "x1": .number(left + 13), "x2": .number(left + 13), "y1": .number(middle - 7), "y2": .number(middle + 7),
                    "stroke": .text(color), "stroke-width": 1.5,
                ])
                svg.element("circle", [
                    "cx": .number(left + 13), "cy": .number(middle), "r": 3.5, "fill": "#ffffff",
                    "stroke": .text(color), "stroke-width": 1.5,
                ])
            }
            svg.text(item.label, ["x": .number(left + 32), "y": .number(middle + 4)])
        }
        svg.close("g")
    }

    private static func layout(_ items: [LegendItem], width: Double) -> [(x: Double, row: Int)] {
        var slots: [(x: Double, row: Int)] = []
        var x = 0.0
        var row = 0
        for item in items {
            let itemWidth = 32 + TextFit.width(item.label, fontSize: ChartStyle.fontSize) + 18
            if x > 0, x + itemWidth > width {
                x = 0
                row += 1
            }
            slots.append((x, row))
            x += itemWidth
        }
        return slots
    }
}
