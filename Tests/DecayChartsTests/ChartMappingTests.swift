import DecayCharts
import Foundation
import Testing

/// Data lands where it should: a value of one half sits mid-axis, bars and cells scale with their values,
/// and a withheld value draws no shape but is named in the description.
@Suite("Chart mapping")
struct ChartMappingTests {
    /// The y of the value axis' 0% and 100% grid lines (the first and last grid line drawn).
    private func axisEnds(_ xml: XMLCheck) throws -> (zero: Double, full: Double) {
        let grid = xml.all("line").filter { $0.attributes["stroke"] == ChartPalette.grid }
        let zero = try #require(grid.first.flatMap { Double($0.attributes["y1"] ?? "") })
        let full = try #require(grid.last.flatMap { Double($0.attributes["y1"] ?? "") })
        return (zero, full)
    }

    private func number(_ element: XMLCheck.Element?, _ name: String) throws -> Double {
        try #require(element.flatMap { Double($0.attributes[name] ?? "") })
    }

    @Test("an observed 50% lands mid-axis, its Wilson bar spans its interval, a withheld bin draws nothing")
    func curveObservations() throws {
        let chart = CurveChart(
            title: "t", series: [],
            observations: [
                .init(day: 45, share: 0.5, lower: 0.25, upper: 0.75, count: 30), .init(day: 60, share: nil, count: 2),
            ], horizon: 90)
        let xml = XMLCheck(chart.svg(id: "m"))
        let (zero, full) = try self.axisEnds(xml)
        let circles = xml.all("circle").filter { $0.attributes["r"] == "4" }
        try #require(circles.count == 1)
        #expect(try self.number(circles.first, "cy") == (zero + full) / 2)
        let xAxis = xml.all("line").filter { $0.attributes["stroke"] == ChartPalette.ink && $0.attributes["y1"] == $0.attributes["y2"] }
        let left = try self.number(xAxis.first, "x1")
        let right = try self.number(xAxis.first, "x2")
        #expect(abs(try self.number(circles.first, "cx") - (left + right) / 2) < 0.01)
        let cx = circles.first?.attributes["cx"]
        let bar = try #require(xml.all("line").first { $0.attributes["x1"] == cx && $0.attributes["x2"] == cx && $0.attributes["stroke-width"] == "1.5" })
        #expect(abs(try self.number(bar, "y1") - (zero + (full - zero) * 0.25)) < 0.01)
        #expect(abs(try self.number(bar, "y2") - (zero + (full - zero) * 0.75)) < 0.01)
        #expect(xml.texts["m-desc"]?.contains("Withheld, fewer than 3 people: day 60") == true)
    }

    @Test("the fitted line turns dashed where the observed data ends")
    func curveProjection() throws {
        let chart = CurveChart(
            title: "t", series: [.init(name: "Fit", days: [0, 20, 40, 90], values: [1, 0.8, 0.6, 0.4])], observedThrough: 30)
        let xml = XMLCheck(chart.svg(id: "p"))
        let lines = xml.all("path").filter { $0.attributes["fill"] == "none" }
        try #require(lines.count == 2)
        #expect(lines[0].attributes["stroke-dasharray"] == "none")
        #expect(lines[1].attributes["stroke-dasharray"] == "4 4")
        let observedEnd = try #require(lines[0].attributes["d"]?.split(separator: "L").last)
        let projectedStart = try #require(lines[1].attributes["d"]?.dropFirst().split(separator: " L").first)
        #expect(observedEnd.trimmingCharacters(in: .whitespaces) == projectedStart.trimmingCharacters(in: .whitespaces))
        #expect(xml.texts["p-desc"]?.contains("Beyond day 30 the lines are a projection.") == true)
    }

    @Test("a vertical bar of 50% is half the axis high; a withheld bar is a labelled gap")
    func verticalBars() throws {
        let chart = IntervalBarChart(title: "t", bars: [.init(label: "Direct", value: 0.5), .init(label: "3 hops", value: nil)])
        let xml = XMLCheck(chart.svg(id: "b"))
        let (zero, full) = try self.axisEnds(xml)
        let rects = xml.all("rect")
        try #require(rects.count == 1)
        #expect(try self.number(rects.first, "y") == (zero + full) / 2)
        #expect(try self.number(rects.first, "height") == (zero - full) / 2)
        #expect(xml.texts["b-desc"]?.contains("Withheld, fewer than 3 people: 3 hops.") == true)
    }

    @Test("horizontal bars grow with their value from the same baseline")
    func horizontalBars() throws {
        let chart = IntervalBarChart(
            title: "t", bars: [.init(label: "a", value: 0.25), .init(label: "b", value: 1), .init(label: "c", value: nil)],
            orientation: .horizontal)
        let rects = XMLCheck(chart.svg(id: "h")).all("rect")
        try #require(rects.count == 2)
        #expect(try self.number(rects[0], "x") == self.number(rects[1], "x"))
        #expect(try self.number(rects[1], "width") == 4 * self.number(rects[0], "width"))
    }

    @Test("a heatmap cell takes the scale's colour for its value; a withheld cell draws nothing and is named")
    func heatmapCells() throws {
        let chart = Heatmap(
            title: "t", columns: ["Price", "Market"], rows: [.init(name: "Acme", values: [0.5, nil]), .init(name: "Zed", values: [1])])
        let xml = XMLCheck(chart.svg(id: "hm"))
        let cells = xml.all("rect").filter { $0.attributes["fill"]?.hasPrefix("#") == true && $0.attributes["fill"] != "#ffffff" }
        #expect(cells.map { $0.attributes["fill"] } == [ChartPalette.sequential(0.5), ChartPalette.sequential(1)])
        #expect(xml.texts["hm-desc"]?.contains("Withheld, fewer than 3 people: Acme × Market; Zed × Market.") == true)
        #expect(ChartPalette.sequential(0) != ChartPalette.sequential(1))
    }

    @Test("long heatmap labels are cut with an ellipsis and keep the full name for hover")
    func heatmapLabels() throws {
        let name = String(repeating: "Very Long Partner Name ", count: 6)
        let xml = XMLCheck(Heatmap(title: "t", columns: ["k"], rows: [.init(name: name, values: [0.4])]).svg(id: "l"))
        #expect(xml.isWellFormed)
        let markup = Heatmap(title: "t", columns: ["k"], rows: [.init(name: name, values: [0.4])]).svg(id: "l")
        #expect(markup.contains("<title>\(name)</title>"))
        #expect(markup.contains("…</text>"))
    }

    @Test("a heatmap of 200 partners is compact: one path per colour step, a rectangle per shown cell, values on hover")
    func largeHeatmap() throws {
        let rows = (0..<200).map { index in
            Heatmap.Row(name: "Partner \(index)", values: (0..<6).map { (column: Int) -> Double? in
                column == index % 7 ? nil : Double((index * 7 + column) % 11) / 10
            })
        }
        let chart = Heatmap(title: "t", columns: (1...6).map { "Key point \($0)" }, rows: rows)
        let markup = chart.svg(id: "big")
        let xml = XMLCheck(markup)
        #expect(xml.isWellFormed)
        let steps = xml.all("path").filter { $0.attributes["fill"]?.hasPrefix("#") == true }
        #expect(steps.count == 11)
        let rectangles = steps.map { $0.attributes["d"]?.filter { $0 == "M" }.count ?? 0 }.reduce(0, +)
        #expect(rectangles == rows.flatMap(\.values).compactMap { $0 }.count)
        #expect(markup.contains("<title>Partner 0: Key point 1 fewer than 3 people, Key point 2 10%,"))
        #expect(markup.utf8.count < 80_000)
    }

    @Test("distribution bars are proportional to counts and print their shares")
    func distribution() throws {
        let chart = DistributionChart(title: "t", options: [.init(label: "Yes", count: 6), .init(label: "No", count: 3), .init(label: "Maybe", count: 0)])
        let markup = chart.svg(id: "d")
        let bars = XMLCheck(markup).all("rect")
        try #require(bars.count == 2)
        #expect(abs(try self.number(bars[0], "height") - 2 * self.number(bars[1], "height")) < 0.02)
        #expect(markup.contains(">6 · 67%<") && markup.contains(">3 · 33%<"))
    }

    @Test("a distribution from fewer than 3 people shows no bar and no percentage")
    func distributionWithheld() {
        let chart = DistributionChart.scale(title: "t", min: 1, counts: [1, 0, 1], mean: .init(value: 2))
        let xml = XMLCheck(chart.svg(id: "w"))
        #expect(xml.all("rect").isEmpty)
        #expect(!chart.svg(id: "w").replacingOccurrences(of: "width=\"100%\"", with: "").contains("%"))
        #expect(xml.texts["w-desc"] == "Withheld, fewer than 3 people.")
    }

    @Test("the mean marker sits between the options its value falls between")
    func distributionMean() throws {
        let chart = DistributionChart.scale(title: "t", min: 1, counts: [3, 3, 3], mean: .init(value: 2.5))
        let xml = XMLCheck(chart.svg(id: "mn"))
        let bars = xml.all("rect")
        let centre2 = try self.number(bars[1], "x") + self.number(bars[1], "width") / 2
        let centre3 = try self.number(bars[2], "x") + self.number(bars[2], "width") / 2
        let marker = try #require(xml.all("line").first { $0.attributes["stroke-dasharray"] == "6 3" })
        #expect(abs(try self.number(marker, "x1") - (centre2 + centre3) / 2) < 0.01)
    }

    @Test("a missing week breaks the trend line and is named")
    func trendGap() throws {
        let xml = XMLCheck(ChartFixtures.trend.svg(id: "tr"))
        let line = try #require(xml.all("path").first?.attributes["d"])
        #expect(line.filter { $0 == "M" }.count == 2)
        #expect(xml.all("circle").count == 3)
        #expect(xml.texts["tr-desc"]?.contains("No value (withheld or no data): W46.") == true)
    }
}
