import DecayCharts
import Testing

/// A target line whose label already gives its share in words is drawn and described with that label alone.
@Suite("Curve chart: target label")
struct CurveTargetLabelTests {
    static func chart(_ target: CurveChart.Target) -> String {
        var chart = ChartFixtures.curve
        chart.target = target
        return chart.svg(id: "curve")
    }

    @Test func aLabelThatSaysItsShareIsNotGivenItTwice() {
        let label = "Re-check target: 70% know it = 76% answering correctly"
        let svg = Self.chart(.init(share: 0.76, label: label, appendsShare: false))
        #expect(svg.contains(">\(label)<"), "drawn as given")
        #expect(svg.contains("\(label)."), "and described as given")
        #expect(!svg.contains("correctly 76%") && !svg.contains("correctly: 76%"))
    }

    @Test func aPlainLabelGetsTheShare() {
        let svg = Self.chart(.init(share: 0.6, label: "Target"))
        #expect(svg.contains(">Target 60%<") && svg.contains("Target: 60%."))
    }
}
