import DecayApp
import DecayCharts
import DecayCore

/// The message page's charts, each with the table of the numbers it draws: a forgetting curve per key point and
/// recall by relay hop.
enum MessageCharts {
    static let days = ["30", "60", "90"]

    /// The fitted curve through its anchors (initial learning at day 0, the 30/60/90-day projections) with their
    /// intervals, and the message's re-check target when it has one.
    static func curve(_ point: MessageReport.KeyPointReport, target: Double?) -> PageBlock {
        let anchors = [("0", point.initialLearning)] + Self.days.map { ($0, point.projected[$0] ?? .init(value: nil, low: nil, high: nil, note: "")) }
        let chart = CurveChart(
            title: "Forgetting curve: \(point.id)",
            summary: point.halfLifeDays.value.map { "Recall halves after about \(PageFormat.number($0)) days." } ?? point.halfLifeDays.note,
            series: [.init(
                name: "Fitted", days: anchors.compactMap { Double($0.0) }, values: anchors.map(\.1.value),
                lower: anchors.map(\.1.low), upper: anchors.map(\.1.high))],
            target: target.map { .init(share: $0, label: "Re-check target") })
        let id = "curve-\(point.id)"
        return PageBlock(
            "Forgetting curve: \(point.id)", note: point.text,
            table: PageTable(
                id: id, caption: "Projected share still knowing \(point.id) after a direct delivery",
                columns: ["Days", "Share", "Low", "High"],
                rows: anchors.map { day, estimate in
                    [.figure(day), .figure(PageFormat.percent(estimate.value)), .figure(PageFormat.percent(estimate.low)), .figure(PageFormat.percent(estimate.high))]
                }),
            chart: PageChart(id: id, title: chart.title, svg: chart.svg(id: id)))
    }

    /// Share correct by relay hops over all key points' answers, with the Wilson interval; gaps under 3 people.
    static func hops(_ report: MessageReport) -> PageBlock {
        let labels = ["0", "1", "2+"]
        let bars = report.keyPoints.flatMap { point in
            labels.map { hop -> IntervalBarChart.Bar in
                let rate = point.byHops[hop]
                return .init(label: "\(point.id) · \(hop) hops", value: rate?.rate, lower: rate?.low, upper: rate?.high, count: rate?.people)
            }
        }
        let chart = IntervalBarChart(title: "Recall by relay hop", summary: "Share correct per key point and hops from the vendor.", bars: bars, orientation: .horizontal)
        return PageBlock(
            "Recall by relay hop", note: "All quiz answers by people between the vendor and the rep (0 = direct).",
            table: PageTable(
                id: "hops", caption: "Share correct by hops, with 95% interval",
                columns: ["Key point"] + labels.map { "\($0) hops" },
                rows: report.keyPoints.map { point in
                    [PageCell(point.id)] + labels.map { hop in point.byHops[hop].map { PageCell($0.text, numeric: true) } ?? .figure("–") }
                }),
            chart: PageChart(id: "hops", title: chart.title, svg: chart.svg(id: "hops-chart")))
    }
}
