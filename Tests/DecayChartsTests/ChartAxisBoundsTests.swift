import DecayCharts
import Foundation
import Testing

/// Figures outside the axis stay inside the plot instead of running off the chart.
@Suite("Chart axis bounds")
struct ChartAxisBoundsTests {
    @Test("a share above 100% is drawn at the top of the axis; negative numbers get room below zero")
    func clamped() throws {
        let over = XMLCheck(IntervalBarChart(title: "t", bars: [.init(label: "a", value: 1.4, lower: 1.2, upper: 1.6)]).svg(id: "o"))
        let grid = over.all("line").filter { $0.attributes["stroke"] == ChartPalette.grid }
        let top = try #require(grid.last.flatMap { Double($0.attributes["y1"] ?? "") })
        #expect(over.all("rect").first?.attributes["y"].flatMap(Double.init) == top)
        let negative = IntervalBarChart(title: "t", bars: [.init(label: "a", value: -2), .init(label: "b", value: 4)], format: .number())
        #expect(negative.valueDomain.lowerBound < -2 && negative.valueDomain.upperBound > 4)
    }
}
