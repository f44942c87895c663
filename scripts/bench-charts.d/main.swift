/// Sample charts at the dashboard's sizes, timed: `scripts/bench-charts` compiles this with Sources/DecayCharts.
/// `--html FILE` also writes every sample into one page, for looking at them in a browser.
import Foundation

func curve(_ t: Double, a: Double, h: Double) -> Double { 0.25 + 0.75 * a * pow(1 + (pow(2, 1 / 0.8) - 1) * t / h, -0.8) }
let curveChart = CurveChart(
    title: "Target market: Vault 3.0 is for mid-market healthcare",
    summary: "Recall halves after about 21 days; projected below target from day 24.",
    series: [
        .sampled(name: "Direct", step: 3, value: { curve($0, a: 0.9, h: 21) },
                 lower: { curve($0, a: 0.85, h: 17) }, upper: { curve($0, a: 0.95, h: 26) }),
        .sampled(name: "Relayed <1 hop>", step: 3, value: { curve($0, a: 0.7, h: 15) }),
    ],
    observations: [
        .init(day: 2, share: 0.88, lower: 0.82, upper: 0.92, count: 140),
        .init(day: 9, share: 0.71, lower: 0.63, upper: 0.78, count: 96),
        .init(day: 16, share: 0.62, lower: 0.5, upper: 0.72, count: 52),
        .init(day: 23, share: 0.55, lower: 0.4, upper: 0.69, count: 31),
        .init(day: 30, share: nil, count: 2),
    ],
    target: .init(share: 0.6, label: "Target"), observedThrough: 30)
let bars = IntervalBarChart(title: "Recall by relay hop", bars: [
    .init(label: "Direct", value: 0.72, lower: 0.66, upper: 0.78, count: 210),
    .init(label: "1 hop", value: 0.5, lower: 0.41, upper: 0.59, count: 90),
    .init(label: "2 hops", value: 0.31, lower: 0.2, upper: 0.44, count: 30),
    .init(label: "3 hops", value: nil, count: 2),
])
let hbars = IntervalBarChart(title: "Recall by category", bars: [
    .init(label: "MSP", value: 0.64, lower: 0.6, upper: 0.68, count: 410),
    .init(label: "Value-added reseller with a very long category name", value: 0.41, lower: 0.33, upper: 0.5, count: 80),
    .init(label: "Distributor", value: nil, count: 1),
], orientation: .horizontal)
let scorecard = IntervalBarChart(title: "Scorecard: target vs actual", bars: [
    .init(label: "Response rate", value: 0.46, lower: 0.41, upper: 0.51, count: 380, target: 0.6),
    .init(label: "Ack rate", value: 0.71, lower: 0.66, upper: 0.75, count: 380, target: 0.7),
    .init(label: "Share still correct", value: 0.58, lower: 0.52, upper: 0.64, count: 220, target: 0.6),
    .init(label: "Active in 14 days", value: nil, count: 2, target: 0.5),
], orientation: .horizontal)
let names = ["Acme IT", "Bytes & Bits GmbH", "<script>alert(1)</script>", "Müller Systemhaus Nordrhein-Westfalen GmbH & Co. KG", "Zed"]
let heat = Heatmap(title: "Recall by partner and key point", columns: ["Target market", "Price per seat", "Backup window", "Healthcare compliance (HIPAA)"],
    rows: names.enumerated().map { (i: Int, n: String) -> Heatmap.Row in Heatmap.Row(name: n, values: (0..<4).map { (j: Int) -> Double? in (i + j) % 5 == 3 ? nil : Double((i * 3 + j * 2) % 11) / 10 }) })
let bigHeat = Heatmap(title: "200 partners", columns: (1...8).map { "Key point \($0)" },
    rows: (0..<200).map { (i: Int) -> Heatmap.Row in Heatmap.Row(name: "Partner \(i) Systems", values: (0..<8).map { (j: Int) -> Double? in (i + j) % 9 == 0 ? nil : Double((i * 7 + j * 3) % 13) / 12 }) })
let dist = DistributionChart.scale(title: "How important is the vendor to your strategy? (1-10)", min: 1,
    counts: [0, 1, 2, 3, 5, 9, 12, 8, 4, 2], mean: .init(value: 6.4, lower: 6.0, upper: 6.8))
let choice = DistributionChart(title: "Fit in your sales process", options: [
    .init(label: "Fits well", count: 31), .init(label: "Needs changes", count: 12), .init(label: "Does not fit", count: 4)])
let weeks = (40...52).map { "W\($0)" }
let activity = TrendChart(title: "Acme IT: received, acknowledged and answered", points: weeks.enumerated().map { i, w in .init(label: w, value: Double(20 + i % 3)) },
    format: .number(decimals: 0), name: "Received",
    lines: [.init(name: "Acknowledged", values: weeks.indices.map { $0 == 4 ? nil : Double(12 + $0 % 4) }),
            .init(name: "Answered", values: weeks.indices.map { Double(6 + $0 % 5) })])
let trend = TrendChart(title: "Share still correct", points: weeks.enumerated().map { i, w in .init(label: "2026-\(w)", value: i == 5 ? nil : 0.7 - Double(i) * 0.015) })
let spark = TrendChart(title: "Share still correct", points: weeks.enumerated().map { i, w in .init(label: w, value: i == 5 ? nil : 0.7 - Double(i % 4) * 0.03) }, style: .sparkline)
let charts: [(String, any SVGChart)] = [("curve", curveChart), ("bars", bars), ("hbars", hbars), ("scorecard", scorecard), ("heat", heat), ("dist", dist), ("choice", choice), ("trend", trend), ("activity", activity), ("spark", spark), ("big", bigHeat)]

let arguments = Array(CommandLine.arguments.dropFirst())
if let flag = arguments.firstIndex(of: "--html"), flag + 1 < arguments.count {
    var html = "<!doctype html><meta charset=utf-8><title>DecayCharts samples</title>"
        + "<style>body{font-family:sans-serif;margin:16px;display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
        + "figure{width:640px;margin:0;border:1px solid #ddd;padding:8px}figure.spark{width:240px}</style>"
    for (id, chart) in charts {
        html += "<figure class=\"\(id == "spark" ? "spark" : "")\">\(chart.svg(id: id))<figcaption>\(id)</figcaption></figure>\n"
    }
    try html.write(toFile: arguments[flag + 1], atomically: true, encoding: .utf8)
}

/// Median wall time of `runs` renders, after one warm-up.
func median(_ chart: any SVGChart, id: String, runs: Int) -> Duration {
    _ = chart.svg(id: id)
    let clock = ContinuousClock()
    let times = (0..<runs).map { _ in clock.measure { _ = chart.svg(id: id) } }.sorted()
    return times[runs / 2]
}

print("chart\tbytes\tmedian render (µs)")
for (id, chart) in charts {
    let time = median(chart, id: id, runs: id == "big" ? 51 : 201)
    let micros = Double(time.components.attoseconds) / 1e12 + Double(time.components.seconds) * 1e6
    print("\(id)\t\(chart.svg(id: id).utf8.count)\t\(Int(micros.rounded()))")
}
