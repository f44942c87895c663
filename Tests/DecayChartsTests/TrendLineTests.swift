import DecayCharts
import Foundation
import Testing

/// Several lines over the same weeks: each its own colour and dash, in the legend, the description and the table.
@Suite("Trend lines")
struct TrendLineTests {
    static let chart = TrendChart(
        title: "Acme IT over time",
        points: [.init(label: "W1", value: 10), .init(label: "W2", value: 12), .init(label: "W3", value: 8)],
        format: .number(decimals: 0), name: "Received",
        lines: [.init(name: "Acknowledged", values: [6, nil, 5]), .init(name: "Answered", values: [3, 4])])

    @Test("each line is drawn apart, and a missing value (or a short line) leaves a gap")
    func lines() throws {
        let xml = XMLCheck(Self.chart.svg(id: "tl"))
        #expect(xml.isWellFormed)
        let paths = xml.all("path").filter { $0.attributes["fill"] == "none" }
        #expect(Set(paths.compactMap { $0.attributes["stroke"] }).count == 3)
        #expect(Set(paths.compactMap { $0.attributes["stroke-dasharray"] }).count == 3)
        #expect(xml.all("circle").count == 3 + 2 + 2)
        #expect(xml.texts["tl-desc"]?.contains("Acknowledged: No value (withheld or no data): W2.") == true)
        #expect(xml.texts["tl-desc"]?.contains("Answered: W1: 3; W2: 4.") == true)
    }

    @Test("the table has a column per line")
    func table() {
        #expect(Self.chart.table.header == ["Week", "Received", "Acknowledged", "Answered"])
        #expect(Self.chart.table.rows[1] == ["W2", "12", "no value", "4"])
        #expect(Self.chart.table.rows[2] == ["W3", "8", "5", "no value"])
    }
}
