import DecayCharts
import Foundation
import Testing

/// Degenerate data (nothing, one point, all equal, NaN and infinity from a failed fit) never writes a number
/// a browser cannot read, and still gives a well-formed document.
@Suite("Chart degenerate data")
struct ChartDegenerateTests {
    static let charts: [any SVGChart] = [
        CurveChart(title: "empty", series: []),
        CurveChart(title: "empty series", series: [.init(name: "s", days: [], values: [])]),
        CurveChart(title: "one point", series: [.init(name: "s", days: [0], values: [0.5])], observations: [.init(day: 0, share: 1, count: 3)]),
        CurveChart(
            title: "not finite",
            series: [.init(name: "s", days: [0, .nan, 30, .infinity], values: [.nan, 0.5, .infinity, 0.2],
                           lower: [.nan, 0.1, nil, 0.1], upper: [0.9, .infinity, 0.8, 0.3])],
            observations: [.init(day: .nan, share: 0.5, count: 3), .init(day: 4, share: .infinity, lower: .nan, upper: 2, count: 3)],
            target: .init(share: .nan), observedThrough: .infinity, horizon: .nan),
        IntervalBarChart(title: "empty", bars: []),
        IntervalBarChart(title: "broken", bars: [.init(label: "a", value: .nan, lower: .nan, upper: .infinity)], format: .number()),
        IntervalBarChart(title: "zero", bars: [.init(label: "a", value: 0), .init(label: "b", value: 0)], format: .number()),
        IntervalBarChart(title: "broken h", bars: [.init(label: "a", value: .infinity)], orientation: .horizontal, domain: 0 ... .infinity),
        Heatmap(title: "empty", columns: [], rows: []),
        Heatmap(title: "broken", columns: ["a"], rows: [.init(name: "r", values: [.nan, .infinity, -.infinity])]),
        DistributionChart(title: "empty", options: []),
        DistributionChart(title: "one", options: [.init(label: "x", count: 5, value: 1)], mean: .init(value: .nan, lower: .infinity, upper: 2)),
        DistributionChart.scale(title: "equal", min: 1, counts: [4, 4, 4], mean: .init(value: 2, lower: 2, upper: 2)),
        TrendChart(title: "empty", points: []),
        TrendChart(title: "one", points: [.init(label: "W1", value: 0.5)]),
        TrendChart(title: "equal", points: [.init(label: "W1", value: 3), .init(label: "W2", value: 3)], format: .number()),
        TrendChart(title: "broken", points: [.init(label: "W1", value: .nan), .init(label: "W2", value: .infinity)], style: .sparkline, format: .number()),
        TrendChart(title: "none", points: [.init(label: "W1", value: nil)], style: .sparkline),
    ]

    @Test("no NaN or infinity is written, and the document stays well formed", arguments: charts.indices)
    func noNonFiniteNumbers(index: Int) {
        let markup = Self.charts[index].svg(id: "d")
        let xml = XMLCheck(markup)
        #expect(xml.isWellFormed, "\(xml.error ?? "")")
        let lowered = markup.lowercased()
        for word in ["nan", "inf"] {
            let found = lowered.ranges(of: word).contains { range in
                let before = range.lowerBound > lowered.startIndex ? lowered[lowered.index(before: range.lowerBound)] : " "
                return !before.isLetter
            }
            #expect(!found, "\(word) in \(Self.charts[index].title): \(markup)")
        }
        for element in xml.elements {
            for (_, value) in element.attributes {
                #expect(!value.contains("e+") && !value.contains("e-0"), "exponent in \(element.name)")
            }
        }
    }

    @Test("numbers are written without exponent, locale or trailing zeros")
    func numbers() {
        #expect(SVGWriter.number(12.5) == "12.5")
        #expect(SVGWriter.number(-3) == "-3")
        #expect(SVGWriter.number(0.004) == "0")
        #expect(SVGWriter.number(0.05) == "0.05")
        #expect(SVGWriter.number(1e-30) == "0")
        #expect(SVGWriter.number(.nan) == nil)
        #expect(SVGWriter.number(-.infinity) == nil)
        #expect(ValueFormat.percent().string(0.625) == "63%")
        #expect(ValueFormat.percent(decimals: 1).string(0.0625) == "6.3%")
        #expect(ValueFormat.number(decimals: 2).string(-0.5) == "-0.50")
        #expect(ValueFormat.number().string(.nan) == "—")
    }
}
