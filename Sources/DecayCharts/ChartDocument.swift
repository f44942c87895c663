/// The outer `<svg>` every chart shares: namespace, a viewBox with width 100% so it scales with its container,
/// `role="img"` labelled by a `<title>` and a `<desc>` whose ids derive from the caller's id.
struct ChartDocument {
    let id: String
    let width: Double
    let height: Double
    let title: String
    let description: String

    /// The ids of this chart's title, desc and internal patterns: `<id>-title`, `<id>-desc`, `<id>-<suffix>`.
    func ref(_ suffix: String) -> String {
        SVGWriter.identifier(self.id) + "-" + suffix
    }

    /// The complete document with `body` drawn inside.
    func render(_ body: (inout SVGWriter) -> Void) -> String {
        var svg = SVGWriter()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "id": .text(SVGWriter.identifier(self.id)),
            "class": "decay-chart",
            "viewBox": .text("0 0 \(SVGWriter.number(self.width) ?? "0") \(SVGWriter.number(self.height) ?? "0")"),
            "width": "100%",
            "role": "img",
            "aria-labelledby": .text(self.ref("title") + " " + self.ref("desc")),
            "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
            "font-size": .number(ChartStyle.fontSize),
            "fill": .text(ChartPalette.ink),
        ])
        svg.open("title", ["id": .text(self.ref("title"))])
        svg.raw(SVGWriter.escape(self.title))
        svg.close("title")
        svg.open("desc", ["id": .text(self.ref("desc"))])
        svg.raw(SVGWriter.escape(self.description))
        svg.close("desc")
        body(&svg)
        svg.close("svg")
        return svg.output
    }
}

/// Sizes shared by the charts, in viewBox units: a chart 720 wide shown 640 px wide prints labels at 12.4 px and
/// tick labels at 10.7 px; narrower than about 600 px the page should scroll the chart sideways rather than shrink it.
enum ChartStyle {
    static let fontSize = 14.0
    static let smallFontSize = 12.0
}

extension SVGWriter {
    /// Appends text the caller has escaped already.
    mutating func raw(_ escaped: String) {
        self.output += escaped
    }
}
