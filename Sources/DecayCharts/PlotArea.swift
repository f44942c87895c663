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
