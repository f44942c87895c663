import DecayApp
import DecayCharts
import DecayCore

/// The message page's charts, each with the table of the numbers it draws: a forgetting curve per key point and
/// recall by relay hop.
enum MessageCharts {
    /// The fitted curve sampled from the report with its band, the observed recall per 7-day delay bin with Wilson
    /// bars and answer counts, the re-check target, and the projection shaded past the last observed delay. All on
    /// the share answering correctly (guessing included); the target is a share who know it (guessing removed), so
    /// it is drawn raised by the guessing floor like the curve, and its label gives both.
    static func curve(_ point: MessageReport.KeyPointReport, target: Double?) -> PageBlock {
        let fitted = Dictionary(point.curve.map { ($0.days, $0) }, uniquingKeysWith: { first, _ in first })
        let step = point.curve.count > 1 ? point.curve[1].days - point.curve[0].days : 3
        let series: [CurveChart.Series] = point.curve.isEmpty ? [] : [.sampled(
            name: "Fitted", through: point.curve.last?.days ?? 90, step: step, value: { fitted[$0]?.share },
            lower: { fitted[$0]?.low }, upper: { fitted[$0]?.high })]
        let chart = CurveChart(
            title: "Forgetting curve: \(point.id)",
            summary: "Share answering correctly (guessing included) after a direct delivery. "
                + (point.halfLifeDays.value.map { "Know it (guessing removed) halves after about \(PageFormat.number($0)) days." } ?? point.halfLifeDays.note),
            series: series,
            observations: point.observed.map { bin in
                .init(day: bin.meanDays, share: bin.recall.rate, lower: bin.recall.low, upper: bin.recall.high, count: bin.recall.answers)
            },
            target: target.map { Self.target(know: $0, guessFloor: point.guessFloor) },
            observedThrough: point.observedThroughDays)
        let id = "curve-\(point.id)"
        let fittedNote = point.curve.isEmpty ? " No fitted line: \(point.halfLifeDays.note)." : ""
        return PageBlock(
            "Forgetting curve: \(point.id)",
            note: "\(point.text) Share answering correctly (guessing included) after a direct delivery: the fitted line with its "
                + "95% interval, and the answers in 7-day delay bins with Wilson intervals (none shown from fewer than 3 people).\(fittedNote)",
            table: PageTable(
                id: id, caption: "Observed and fitted share answering correctly (guessing included) for \(point.id) by days since delivery",
                columns: ["Days since delivery", "Answers", "Observed share correct", "Fitted", "Fitted interval"],
                rows: Self.curveRows(point, fitted: fitted)),
            chart: PageChart(id: id, title: chart.title, svg: chart.svg(id: id)))
    }

    /// The re-check target, a share who know it, drawn where it puts the share answering correctly: `know` plus the
    /// lucky guesses of those who do not.
    static func target(know: Double, guessFloor: Double) -> CurveChart.Target {
        let correct = guessFloor + (1 - guessFloor) * know
        return .init(
            share: correct, label: "Re-check target: \(PageFormat.percent(know)) know it = \(PageFormat.percent(correct)) answering correctly",
            appendsShare: false)
    }

    /// One row per 7-day delay bin through the 90-day horizon (and any observed beyond it): what was observed and
    /// the fitted share at the sampled day nearest the bin's middle.
    static func curveRows(_ point: MessageReport.KeyPointReport, fitted: [Double: MessageReport.CurvePoint]) -> [[PageCell]] {
        let observed = Dictionary(point.observed.map { ($0.fromDay, $0) }, uniquingKeysWith: { first, _ in first })
        let last = max(84, point.observed.map(\.fromDay).max() ?? 0)
        return stride(from: 0, through: last, by: 7).map { from in
            let bin = observed[from]
            let nearest = fitted.keys.min { abs($0 - Double(from) - 3.5) < abs($1 - Double(from) - 3.5) }
            let fit = nearest.flatMap { fitted[$0] }
            return [
                PageCell("\(from)–\(from + 7)"), .number(bin?.recall.answers ?? 0),
                PageCell(bin.map { PageFormat.shown($0.recall.text, rate: $0.recall.rate) } ?? "–", numeric: true, mark: bin != nil && bin?.recall.rate == nil ? "muted" : nil),
                .figure(fit.map { "\(PageFormat.percent($0.share)) (day \(PageFormat.number($0.days)))" } ?? "–"),
                .figure(fit.map { "\(PageFormat.percent($0.low))–\(PageFormat.percent($0.high))" } ?? "–"),
            ]
        }
    }

    /// Share correct (guessing included) by relay hops over all key points' answers, with the Wilson interval; gaps
    /// where fewer than 3 people answered.
    static func hops(_ report: MessageReport) -> PageBlock {
        let labels = ["0", "1", "2+"]
        let bars = report.keyPoints.flatMap { point in
            labels.map { hop -> IntervalBarChart.Bar in
                let rate = point.byHops[hop]
                return .init(label: "\(point.id) · \(hop) hops", value: rate?.rate, lower: rate?.low, upper: rate?.high, count: rate?.people)
            }
        }
        let chart = IntervalBarChart(title: "Recall by relay hop", summary: "Share answering correctly (guessing included) per key point and hops from the vendor.", bars: bars, orientation: .horizontal)
        return PageBlock(
            "Recall by relay hop", note: "All quiz answers by people between the vendor and the rep (0 = direct).",
            table: PageTable(
                id: "hops", caption: "Share answering correctly (guessing included) by hops, with 95% interval",
                columns: ["Key point"] + labels.map { "\($0) hops" },
                rows: report.keyPoints.map { point in
                    [PageCell(point.id)] + labels.map { hop in point.byHops[hop].map { PageCell(PageFormat.shown($0.text, rate: $0.rate), numeric: true) } ?? .figure("–") }
                }),
            chart: PageChart(id: "hops", title: chart.title, svg: chart.svg(id: "hops-chart")))
    }
}
