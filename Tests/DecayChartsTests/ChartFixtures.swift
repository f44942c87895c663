import DecayCharts

/// A name a directory import could carry: markup, both quotes, an ampersand and a control character.
let hostile = "<script>alert('x')</script> \"Acme\" & Co\u{07} <img src=x onerror=alert(1)>"

/// One sample of each chart, with data shaped like the dashboard's and a withheld entry in each.
enum ChartFixtures {
    static let curve = CurveChart(
        title: "Target market", summary: "Recall of the target market.",
        series: [
            .init(
                name: "Fitted", days: [0, 15, 30, 45, 60, 75, 90], values: [0.9, 0.7, 0.6, 0.52, 0.47, 0.43, 0.4],
                lower: [0.85, 0.64, 0.53, 0.44, 0.38, 0.33, 0.3], upper: [0.94, 0.76, 0.67, 0.6, 0.56, 0.53, 0.5]),
        ],
        observations: [
            .init(day: 3, share: 0.85, lower: 0.78, upper: 0.9, count: 120),
            .init(day: 14, share: 0.7, lower: 0.6, upper: 0.78, count: 80),
            .init(day: 28, share: nil, count: 2),
        ],
        target: .init(share: 0.6, label: "Target"), observedThrough: 30)

    static let bars = IntervalBarChart(
        title: "Recall by relay hop",
        bars: [
            .init(label: "Direct", value: 0.72, lower: 0.66, upper: 0.78, count: 210),
            .init(label: "1 hop", value: 0.5, lower: 0.41, upper: 0.59, count: 90),
            .init(label: "2 hops", value: 0.31, lower: 0.2, upper: 0.44, count: 30),
            .init(label: "3 hops", value: nil, count: 2),
        ])

    static let heatmap = Heatmap(
        title: "Recall by partner", columns: ["Target market", "Price", "Backup window"],
        rows: [
            .init(name: "Acme IT", values: [0.82, nil, 0.5]),
            .init(name: "Bytes & Bits GmbH", values: [0.1, 0.95, 0.0]),
        ])

    static let distribution = DistributionChart.scale(
        title: "Strategic importance", min: 1, counts: [0, 1, 2, 3, 5, 9, 12, 8, 4, 2],
        mean: .init(value: 6.4, lower: 6.0, upper: 6.8))

    static let trend = TrendChart(
        title: "Share correct",
        points: [
            .init(label: "W44", value: 0.61), .init(label: "W45", value: 0.58), .init(label: "W46", value: nil),
            .init(label: "W47", value: 0.55),
        ])

    static var all: [any SVGChart] {
        [
            self.curve, self.bars, IntervalBarChart(title: "Horizontal", bars: self.bars.bars, orientation: .horizontal),
            self.heatmap, self.distribution, self.trend,
            TrendChart(title: "Spark", points: self.trend.points, style: .sparkline),
        ]
    }
}
