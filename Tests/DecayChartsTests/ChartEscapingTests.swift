import DecayCharts
import Foundation
import Testing

/// Names come from a directory and message files: whatever they hold must stay text.
@Suite("Chart escaping")
struct ChartEscapingTests {
    static let charts: [any SVGChart] = [
        CurveChart(
            title: hostile, summary: hostile,
            series: [.init(name: hostile, days: [0, 90], values: [0.8, 0.4], lower: [0.7, 0.3], upper: [0.9, 0.5])],
            observations: [.init(day: 5, share: 0.7, lower: 0.6, upper: 0.8, count: 9), .init(day: 9, share: nil, count: 1)],
            target: .init(share: 0.6, label: hostile), xAxisLabel: hostile, yAxisLabel: hostile),
        IntervalBarChart(
            title: hostile, summary: hostile, bars: [.init(label: hostile, value: 0.5), .init(label: hostile, value: nil)],
            valueAxisLabel: hostile, withheldLabel: hostile),
        IntervalBarChart(
            title: hostile, bars: [.init(label: hostile, value: 0.5), .init(label: hostile, value: nil)],
            orientation: .horizontal),
        Heatmap(
            title: hostile, summary: hostile, columns: [hostile, hostile + hostile],
            rows: [.init(name: hostile, values: [0.5, nil])], withheldLabel: hostile),
        DistributionChart(
            title: hostile, summary: hostile, options: [.init(label: hostile, count: 3), .init(label: hostile, count: 1)]),
        TrendChart(title: hostile, summary: hostile, points: [.init(label: hostile, value: 0.4), .init(label: hostile, value: nil)]),
        TrendChart(title: hostile, points: [.init(label: hostile, value: 0.4)], style: .sparkline),
    ]

    @Test("hostile names stay text: well-formed, no raw markup, the title reads back intact", arguments: charts.indices)
    func hostileNames(index: Int) {
        let markup = Self.charts[index].svg(id: "h")
        let xml = XMLCheck(markup)
        #expect(xml.isWellFormed, "\(xml.error ?? "")")
        #expect(!markup.contains("<script"))
        #expect(!markup.contains("<img"))
        #expect(xml.all("script").isEmpty && xml.all("img").isEmpty)
        #expect(xml.texts["h-title"] == hostile.replacingOccurrences(of: "\u{07}", with: "\u{FFFD}"))
    }

    @Test("escaping covers both quotes, markup and characters XML forbids")
    func escape() {
        #expect(SVGWriter.escape("a<b>&\"c'\u{0}\u{1B}\u{FFFF}\n") == "a&lt;b&gt;&amp;&quot;c&#39;\u{FFFD}\u{FFFD}\u{FFFD}\n")
        #expect(SVGWriter.escape("Zoë 🚀 日本") == "Zoë 🚀 日本")
    }

    @Test("truncated labels keep whole characters and end in an ellipsis")
    func truncation() {
        #expect(TextFit.truncate("Müller 🚀 Systemhaus", characters: 9) == "Müller 🚀…")
        #expect(TextFit.truncate("short", characters: 9) == "short")
        #expect(TextFit.truncate("abc", characters: 1) == "…")
    }
}
