/// Rows (partners) by columns (key points), each cell a share in 0...1 on a sequential colour scale with a legend;
/// a nil cell (fewer than 3 people) draws nothing over a hatched ground and is named in the description.
/// Long labels are cut with an ellipsis and keep their full text in a `<title>` for hover; values are printed in
/// the cells when there is room. Sized for 1 to 200 rows.
/// ```swift
/// let map = Heatmap(title: "Recall by partner", columns: ["Target market", "Price"], rows: [
///     .init(name: "Acme IT", values: [0.82, nil]),
/// ])
/// ```
public struct Heatmap: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var name: String
        /// One value per column, in 0...1; nil = withheld. Missing trailing values count as nil.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var summary: String
    public var columns: [String]
    public var rows: [Row]
    public var format: ValueFormat
    /// The words for a withheld cell, in the legend and the description.
    public var withheldLabel: String

    public init(
        title: String, summary: String = "", columns: [String], rows: [Row], format: ValueFormat = .percent(),
        withheldLabel: String = "fewer than 3 people"
    ) {
        self.title = title
        self.summary = summary
        self.columns = columns
        self.rows = rows
        self.format = format
        self.withheldLabel = withheldLabel
    }

    static let width = 720.0

    /// Above 40 rows the map is compact: shorter rows, no printed values, and cells of one colour step drawn as one
    /// path with the row's values in its label's `<title>`, so 200 partners stay a few dozen kilobytes.
    var isCompact: Bool {
        self.rows.count > 40
    }

    var rowHeight: Double {
        self.isCompact ? 15 : 24
    }

    /// Where cell (row, column) sits.
    struct Grid {
        var left: Double
        var top: Double
        var cellWidth: Double
        var rowHeight: Double

        func x(_ column: Int) -> Double { self.left + self.cellWidth * Double(column) }
        func y(_ row: Int) -> Double { self.top + self.rowHeight * Double(row) }
    }

    /// The chart as a standalone `<svg>` element; `id` prefixes the ids of its title, desc, hatch and gradient.
    public func svg(id: String) -> String {
        let fontSize = self.rows.count <= 40 ? ChartStyle.fontSize : ChartStyle.smallFontSize
        let rowLabelRoom = min(200, max(40, self.rows.map { TextFit.width($0.name, fontSize: fontSize) }.max() ?? 40))
        let left = (rowLabelRoom + 12).rounded(.up)
        let columnCount = max(self.columns.count, self.rows.map(\.values.count).max() ?? 0, 1)
        let wide = (Self.width - left - 12) / Double(columnCount)
        let rotated = wide < 110 && self.columns.contains { TextFit.width($0, fontSize: ChartStyle.smallFontSize) > wide - 6 }
        let cellWidth = (rotated ? (Self.width - left - 80) / Double(columnCount) : wide).rounded(.down)
        let columnLabelMax = rotated ? 160.0 : cellWidth - 6
        let headerHeight = rotated
            ? 16 + min(columnLabelMax, self.columns.map { TextFit.width($0, fontSize: ChartStyle.smallFontSize) }.max() ?? 0) * 0.72
            : 24
        let top = (headerHeight + 6).rounded(.up)
        let gridBottom = top + (self.rows.isEmpty ? 28 : self.rowHeight * Double(self.rows.count))
        let document = ChartDocument(
            id: id, width: Self.width, height: gridBottom + 62, title: self.title, description: self.description)
        let hatch = document.ref("hatch")
        return document.render { svg in
            self.drawDefinitions(&svg, document: document)
            self.drawColumnLabels(&svg, left: left, top: top, cellWidth: cellWidth, rotated: rotated, room: columnLabelMax)
            if !self.rows.isEmpty {
                svg.element("rect", [
                    "x": .number(left), "y": .number(top), "width": .number(cellWidth * Double(columnCount)),
                    "height": .number(gridBottom - top), "fill": .text("url(#\(hatch))"),
                ])
            }
            let grid = Grid(left: left, top: top, cellWidth: cellWidth, rowHeight: self.rowHeight)
            self.drawRowLabels(&svg, grid: grid, room: rowLabelRoom, fontSize: fontSize)
            if self.rows.isEmpty {
                svg.text("No data yet", [
                    "x": .number(left), "y": .number(top + 16), "font-style": "italic", "fill": .text(ChartPalette.muted),
                ])
            }
            if self.isCompact {
                self.drawCompactCells(&svg, grid: grid)
            } else {
                self.drawCells(&svg, grid: grid, showValues: cellWidth >= 38)
            }
            self.drawLegend(&svg, document: document, left: left, top: gridBottom + 16)
        }
    }

    private func drawRowLabels(_ svg: inout SVGWriter, grid: Grid, room: Double, fontSize: Double) {
        svg.open("g", ["class": "rows", "font-size": .number(fontSize), "text-anchor": "end"])
        for (index, row) in self.rows.enumerated() {
            let label = TextFit.truncate(row.name, width: room, fontSize: fontSize)
            let title = self.isCompact ? self.rowSummary(row) : (label == row.name ? nil : row.name)
            svg.text(label, [
                "x": .number(grid.left - 6), "y": .number(grid.y(index) + grid.rowHeight / 2 + fontSize * 0.35),
            ], title: title)
        }
        svg.close("g")
    }

    /// One rect per shown cell with its full row and column names in a `<title>`, and the value printed when it fits.
    private func drawCells(_ svg: inout SVGWriter, grid: Grid, showValues: Bool) {
        svg.open("g", ["class": "cells", "stroke": "#ffffff", "stroke-width": 1])
        for (rowIndex, row) in self.rows.enumerated() {
            for (columnIndex, value) in row.values.enumerated() {
                guard let value, value.isFinite else { continue }
                svg.element("rect", [
                    "x": .number(grid.x(columnIndex)), "y": .number(grid.y(rowIndex)), "width": .number(grid.cellWidth),
                    "height": .number(grid.rowHeight), "fill": .text(ChartPalette.sequential(value)),
                ], title: "\(row.name) × \(self.columnName(columnIndex)): \(self.format.string(value))")
            }
        }
        svg.close("g")
        guard showValues else { return }
        svg.open("g", ["class": "values", "font-size": .number(ChartStyle.smallFontSize), "text-anchor": "middle", "pointer-events": "none"])
        for (rowIndex, row) in self.rows.enumerated() {
            for (columnIndex, value) in row.values.enumerated() {
                guard let value, value.isFinite else { continue }
                svg.text(self.format.string(value), [
                    "x": .number(grid.x(columnIndex) + grid.cellWidth / 2), "y": .number(grid.y(rowIndex) + grid.rowHeight / 2 + 4),
                    "fill": .text(ChartPalette.textOnSequential(value)),
                ])
            }
        }
        svg.close("g")
    }

    /// Cells grouped by colour step (5 percentage points): one path of rectangles per step.
    private func drawCompactCells(_ svg: inout SVGWriter, grid: Grid) {
        var steps: [Int: SVGPath] = [:]
        for (rowIndex, row) in self.rows.enumerated() {
            for (columnIndex, value) in row.values.enumerated() {
                guard let value, value.isFinite else { continue }
                let step = Int((min(max(value, 0), 1) * Double(Self.compactSteps)).rounded())
                steps[step, default: SVGPath()].rectangle(
                    x: grid.x(columnIndex), y: grid.y(rowIndex), width: grid.cellWidth, height: grid.rowHeight)
            }
        }
        svg.open("g", ["class": "cells", "stroke": "#ffffff", "stroke-width": 1])
        for step in steps.keys.sorted() {
            guard let path = steps[step], !path.data.isEmpty else { continue }
            svg.element("path", [
                "d": .text(path.data), "fill": .text(ChartPalette.sequential(Double(step) / Double(Self.compactSteps))),
            ])
        }
        svg.close("g")
    }

    static let compactSteps = 20

    /// A row's name and every value, for the hover title of a compact map's row label.
    private func rowSummary(_ row: Row) -> String {
        let values = (0..<max(self.columns.count, row.values.count)).map { index in
            let value = index < row.values.count ? row.values[index] : nil
            let text = value.flatMap { $0.isFinite ? self.format.string($0) : nil } ?? self.withheldLabel
            return "\(self.columnName(index)) \(text)"
        }
        return "\(row.name): " + values.joined(separator: ", ")
    }

    private func columnName(_ index: Int) -> String {
        index < self.columns.count ? self.columns[index] : "column \(index + 1)"
    }

    private func drawDefinitions(_ svg: inout SVGWriter, document: ChartDocument) {
        svg.open("defs")
        svg.open("pattern", [
            "id": .text(document.ref("hatch")), "patternUnits": "userSpaceOnUse", "width": 6, "height": 6,
            "patternTransform": "rotate(45)",
        ])
        svg.element("rect", ["width": 6, "height": 6, "fill": "#ffffff"])
        svg.element("line", ["x1": 0, "y1": 0, "x2": 0, "y2": 6, "stroke": "#a0a0a0", "stroke-width": 2])
        svg.close("pattern")
        svg.open("linearGradient", ["id": .text(document.ref("scale")), "x1": 0, "x2": 1, "y1": 0, "y2": 0])
        for step in 0...8 {
            let share = Double(step) / 8
            svg.element("stop", ["offset": .number(share), "stop-color": .text(ChartPalette.sequential(share))])
        }
        svg.close("linearGradient")
        svg.close("defs")
    }

    private func drawColumnLabels(
        _ svg: inout SVGWriter, left: Double, top: Double, cellWidth: Double, rotated: Bool, room: Double
    ) {
        svg.open("g", ["class": "columns", "font-size": .number(ChartStyle.smallFontSize)])
        for (index, name) in self.columns.enumerated() {
            let label = TextFit.truncate(name, width: room, fontSize: ChartStyle.smallFontSize)
            let x = left + cellWidth * (Double(index) + 0.5)
            let y = top - 6
            let full = label == name ? nil : name
            if rotated {
                svg.text(label, [
                    "x": .number(x), "y": .number(y),
                    "transform": .text("rotate(-45 \(SVGWriter.number(x) ?? "0") \(SVGWriter.number(y) ?? "0"))"),
                ], title: full)
            } else {
                svg.text(label, ["x": .number(x), "y": .number(y), "text-anchor": "middle"], title: full)
            }
        }
        svg.close("g")
    }

    private func drawLegend(_ svg: inout SVGWriter, document: ChartDocument, left: Double, top: Double) {
        let width = 200.0
        svg.open("g", ["class": "legend", "font-size": .number(ChartStyle.smallFontSize)])
        svg.element("rect", [
            "x": .number(left), "y": .number(top), "width": .number(width), "height": 12,
            "fill": .text("url(#\(document.ref("scale")))"), "stroke": .text(ChartPalette.muted), "stroke-width": 0.5,
        ])
        for share in [0.0, 0.5, 1.0] {
            svg.text(self.format.string(share), [
                "x": .number(left + width * share), "y": .number(top + 26), "text-anchor": "middle",
            ])
        }
        let hatchX = left + width + 40
        svg.element("rect", [
            "x": .number(hatchX), "y": .number(top), "width": 24, "height": 12,
            "fill": .text("url(#\(document.ref("hatch")))"), "stroke": .text(ChartPalette.muted), "stroke-width": 0.5,
        ])
        svg.text("blank: \(self.withheldLabel)", ["x": .number(hatchX + 30), "y": .number(top + 10)])
        svg.close("g")
    }

    /// The caller's summary, the range of the shown values, and every withheld cell by row and column.
    var description: String {
        var parts: [String] = []
        if !self.summary.isEmpty { parts.append(self.summary) }
        parts.append("\(self.rows.count) rows by \(self.columns.count) columns; darker means higher.")
        let values = self.rows.flatMap(\.values).compactMap { $0 }.filter(\.isFinite)
        if let low = values.min(), let high = values.max() {
            parts.append("Values from \(self.format.string(low)) to \(self.format.string(high)).")
        }
        var withheld: [String] = []
        for row in self.rows {
            for index in 0..<max(self.columns.count, row.values.count) {
                let value = index < row.values.count ? row.values[index] : nil
                if !(value?.isFinite ?? false) { withheld.append("\(row.name) × \(self.columnName(index))") }
            }
        }
        if !withheld.isEmpty {
            parts.append("Withheld, \(self.withheldLabel): \(withheld.joined(separator: "; ")).")
        }
        return parts.joined(separator: " ")
    }
}
