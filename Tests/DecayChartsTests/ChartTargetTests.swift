import DecayCharts
import Foundation
import Testing

/// A scorecard's target vs actual: the target is a tick on the bar's axis, in the description and the table.
@Suite("Chart targets")
struct ChartTargetTests {
    @Test("a bar's target is a tick at its value, named in the description and the table", arguments: [
        IntervalBarChart.Orientation.vertical, .horizontal,
    ])
    func barTarget(orientation: IntervalBarChart.Orientation) throws {
        let chart = IntervalBarChart(
            title: "Scorecard", bars: [.init(label: "Response rate", value: 0.4, target: 0.5), .init(label: "Ack", value: nil, target: 0.8)],
            orientation: orientation)
        let xml = XMLCheck(chart.svg(id: "s"))
        let ticks = xml.all("line").filter { $0.attributes["class"] == "target" }
        try #require(ticks.count == 2)
        let bar = try #require(xml.all("rect").first)
        let position = orientation == .vertical ? ticks[0].attributes["y1"] : ticks[0].attributes["x1"]
        let zero = try #require(Double((orientation == .vertical ? bar.attributes["y"] : bar.attributes["x"]) ?? ""))
        let length = try #require(Double((orientation == .vertical ? bar.attributes["height"] : bar.attributes["width"]) ?? ""))
        let expected = orientation == .vertical ? zero + length - length * 1.25 : zero + length * 1.25
        #expect(abs(try #require(position.flatMap(Double.init)) - expected) < 0.02)
        #expect(xml.texts["s-desc"]?.contains("Response rate: 40%, target 50%") == true)
        #expect(chart.table.header.last == "Target")
        #expect(chart.table.rows == [["Response rate", "40%", "", "", "50%"], ["Ack", "fewer than 3 people", "", "", "80%"]])
    }
}
