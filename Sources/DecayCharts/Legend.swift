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
