import DecayCharts
import Foundation
import Testing

/// The table next to each chart holds the same figures, with withheld ones in words, never as a number.
@Suite("Chart tables")
struct ChartTableTests {
    @Test("the curve's table has a row per fitted or observed day, withheld bins in words")
    func curve() {
        let table = ChartFixtures.curve.table
        #expect(table.header == ["Days since delivery", "Fitted", "Fitted: interval", "Observed", "Observed: interval", "Answers"])
        #expect(table.rows.map(\.first) == ["0", "3", "14", "15", "28", "30", "45", "60", "75", "90"])
        #expect(table.rows[1] == ["3", "", "", "85%", "78%–90%", "120"])
        #expect(table.rows[4] == ["28", "", "", "fewer than 3 people", "", ""])
        #expect(table.rows[0] == ["0", "90%", "85%–94%", "", "", ""])
    }

    @Test("bars and heatmap cells without a value say fewer than 3 people and give no count")
    func withheld() {
        #expect(ChartFixtures.bars.table.rows.last == ["3 hops", "fewer than 3 people", "", ""])
        #expect(ChartFixtures.bars.table.rows.first == ["Direct", "72%", "66%–78%", "210"])
        #expect(ChartFixtures.heatmap.table.header == ["", "Target market", "Price", "Backup window"])
        #expect(ChartFixtures.heatmap.table.rows[0] == ["Acme IT", "82%", "fewer than 3 people", "50%"])
    }

    @Test("a distribution's table gives counts, shares and the mean, or one withheld row")
    func distribution() {
        let table = ChartFixtures.distribution.table
        #expect(table.rows.count == 11)
        #expect(table.rows[6] == ["7", "12", "26%"])
        #expect(table.rows.last == ["Mean", "6.4", "interval 6.0–6.8"])
        let few = DistributionChart.scale(title: "t", min: 1, counts: [1, 1])
        #expect(few.table.rows == [["Withheld", "fewer than 3 people", ""]])
    }

    @Test("a trend's table names weeks without a value")
    func trend() {
        #expect(ChartFixtures.trend.table.rows == [["W44", "61%"], ["W45", "58%"], ["W46", "no value"], ["W47", "55%"]])
    }

    @Test("the download is the same SVG behind an XML declaration, and parses on its own")
    func download() {
        let file = ChartFixtures.heatmap.svgFile(id: "dl")
        #expect(file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(file.contains(ChartFixtures.heatmap.svg(id: "dl")))
        #expect(XMLCheck(file).isWellFormed)
    }
}
