import DecayCharts
import Foundation
import Testing

/// A model's curve sampled day by day draws as a curve, and a model that fails somewhere leaves a gap there.
@Suite("Sampled curves")
struct SampledCurveTests {
    @Test("sampling covers 0 through the horizon at the step, with the band sampled alike")
    func grid() {
        let series = CurveChart.Series.sampled(name: "Fit", through: 90, step: 3, value: { 1 - $0 / 180 }, lower: { _ in 0.2 }, upper: { _ in 0.9 })
        #expect(series.days.count == 31)
        #expect(series.days.first == 0 && series.days.last == 90)
        #expect(series.values[30] == 0.5)
        #expect(series.lower?.count == 31 && series.upper?.count == 31)
        #expect(CurveChart.Series.sampled(name: "x", through: .nan, value: { $0 }).days == [0])
    }

    @Test("a NaN from the model breaks the line instead of reaching the markup")
    func failingModel() {
        let series = CurveChart.Series.sampled(name: "Fit", through: 10, value: { $0 == 5 ? .nan : 0.5 })
        let markup = CurveChart(title: "t", series: [series]).svg(id: "s")
        #expect(XMLCheck(markup).isWellFormed)
        #expect(!markup.lowercased().contains("nan"))
        let line = XMLCheck(markup).all("path").first { $0.attributes["fill"] == "none" }?.attributes["d"] ?? ""
        #expect(line.filter { $0 == "M" }.count == 2)
    }
}
