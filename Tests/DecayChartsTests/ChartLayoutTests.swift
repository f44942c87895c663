import DecayCharts
import Foundation
import Testing

/// Choice questions with long answers, and charts with nothing to show.
@Suite("Chart layouts and empty states")
struct ChartLayoutTests {
    @Test("long choice texts turn the distribution horizontal: full texts on hover, bars proportional to counts")
    func longChoices() throws {
        let options = (1...4).map { DistributionChart.Option(label: "Choice \($0): a long answer text that cannot fit under a bar", count: $0 * 2) }
        let chart = DistributionChart(title: "t", options: options, mean: .init(value: 2))
        let markup = chart.svg(id: "lc")
        let xml = XMLCheck(markup)
        #expect(xml.isWellFormed)
        #expect(markup.contains("<title>Choice 4: a long answer text that cannot fit under a bar</title>"))
        let bars = xml.all("rect")
        try #require(bars.count == 4)
        let widths = bars.compactMap { $0.attributes["width"].flatMap(Double.init) }
        #expect(abs(widths[3] - 4 * widths[0]) < 0.05)
        #expect(Set(bars.compactMap { $0.attributes["x"] }).count == 1)
        #expect(markup.contains(">8 · 40%<"))
    }

    @Test("no answers at all says so rather than calling zero people withheld")
    func noAnswers() {
        let chart = DistributionChart.scale(title: "t", min: 1, counts: [0, 0, 0])
        let xml = XMLCheck(chart.svg(id: "na"))
        #expect(xml.texts["na-desc"] == "No answers yet.")
        #expect(xml.all("rect").isEmpty)
        #expect(chart.table.rows.isEmpty)
    }

    @Test("a chart with nothing to draw says No data yet", arguments: [
        CurveChart(title: "t", series: [.init(name: "s", days: [0], values: [nil])]).svg(id: "e"),
        IntervalBarChart(title: "t", bars: []).svg(id: "e"),
        Heatmap(title: "t", columns: ["a"], rows: []).svg(id: "e"),
        TrendChart(title: "t", points: [.init(label: "W1", value: nil)]).svg(id: "e"),
    ])
    func empty(markup: String) {
        #expect(XMLCheck(markup).isWellFormed)
        #expect(markup.contains(">No data yet</text>"))
    }
}
