import DecayCharts
import Foundation
import Testing

/// What every chart promises a page: well-formed standalone SVG, labelled for screen readers, nothing active or
/// external, the same markup for the same data.
@Suite("Chart documents")
struct ChartDocumentTests {
    @Test("every chart is well-formed XML with a labelled, responsive root", arguments: ChartFixtures.all.indices)
    func wellFormedAndLabelled(index: Int) throws {
        let chart = ChartFixtures.all[index]
        let markup = chart.svg(id: "chart-\(index)")
        let xml = XMLCheck(markup)
        #expect(xml.isWellFormed, "\(xml.error ?? "")")
        let root = try #require(xml.root)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["width"] == "100%")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(root.attributes["aria-labelledby"] == "chart-\(index)-title chart-\(index)-desc")
        #expect(xml.texts["chart-\(index)-title"] == chart.title)
        #expect(xml.texts["chart-\(index)-desc"]?.isEmpty == false)
    }

    @Test("no script, event handler or reference outside the document", arguments: ChartFixtures.all.indices)
    func nothingActiveOrExternal(index: Int) {
        let xml = XMLCheck(ChartFixtures.all[index].svg(id: "c"))
        #expect(xml.all("script").isEmpty)
        #expect(xml.all("foreignObject").isEmpty)
        for element in xml.elements {
            for (name, value) in element.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "\(element.name) has \(name)")
                #expect(!name.lowercased().hasSuffix("href"), "\(element.name) has \(name)")
                if value.contains("url(") { #expect(value.hasPrefix("url(#c-"), "\(element.name) \(name)=\(value)") }
            }
        }
    }

    @Test("the same chart and id give the same markup; another id changes every internal id")
    func deterministic() {
        for chart in ChartFixtures.all {
            #expect(chart.svg(id: "a") == chart.svg(id: "a"))
        }
        let heatmap = ChartFixtures.heatmap.svg(id: "other")
        #expect(heatmap.contains("url(#other-hatch)"))
        #expect(!heatmap.contains("\"c-"))
    }

    @Test("a hostile id is made into a safe XML id")
    func hostileID() {
        let markup = ChartFixtures.trend.svg(id: "\"><script>1 x")
        let xml = XMLCheck(markup)
        #expect(xml.isWellFormed)
        #expect(xml.root?.attributes["id"] == "c----script-1-x")
        #expect(!markup.contains("<script"))
    }
}
