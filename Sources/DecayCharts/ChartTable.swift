/// The figures a chart draws, as a table: the dashboard shows it as the chart's text alternative (and CSV), so the
/// chart and its table can never disagree. Cells are plain text; the page escapes them like any other text.
public struct ChartTable: Sendable, Equatable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]

    public init(caption: String, header: [String], rows: [[String]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}

extension SVGChart {
    /// The chart as a file for download: an XML declaration, then the same `<svg>` as `svg(id:)`.
    public func svgFile(id: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + self.svg(id: id) + "\n"
    }
}

extension ValueFormat {
    /// A value or, when it is nil or not finite, the words for a withheld figure.
    func cell(_ value: Double?, withheld: String) -> String {
        guard let value, value.isFinite else { return withheld }
        return self.string(value)
    }

    /// `low–high`, or empty when either end is missing.
    func interval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper, lower.isFinite, upper.isFinite else { return "" }
        return "\(self.string(lower))–\(self.string(upper))"
    }
}

extension CurveChart {
    /// One row per day that has a fitted value or an observation: each line's value (and interval), then the
    /// observed share, its Wilson interval and the number of answers.
    public var table: ChartTable {
        let percent = ValueFormat.percent()
        var header = [self.xAxisLabel]
        for series in self.series {
            header.append(series.name)
            if series.lower != nil, series.upper != nil { header.append("\(series.name): interval") }
        }
        if !self.observations.isEmpty { header += ["Observed", "Observed: interval", "Answers"] }
        let days = Set(self.series.flatMap(\.days) + self.observations.map(\.day)).filter(\.isFinite).sorted()
        let rows = days.map { day -> [String] in
            var row = [ValueFormat.number(decimals: 0).string(day)]
            for series in self.series {
                let index = series.days.firstIndex(of: day)
                let value = index.flatMap { $0 < series.values.count ? series.values[$0] : nil }
                row.append(index == nil ? "" : percent.cell(value, withheld: ""))
                if let lower = series.lower, let upper = series.upper {
                    row.append(index.map { i in
                        percent.interval(i < lower.count ? lower[i] : nil, i < upper.count ? upper[i] : nil)
                    } ?? "")
                }
            }
            if !self.observations.isEmpty {
                if let point = self.observations.first(where: { $0.day == day }) {
                    row += [
                        percent.cell(point.share, withheld: "fewer than 3 people"),
                        point.share == nil ? "" : percent.interval(point.lower, point.upper),
                        point.share == nil ? "" : String(point.count),
                    ]
                } else {
                    row += ["", "", ""]
                }
            }
            return row
        }
        return ChartTable(caption: self.title, header: header, rows: rows)
    }
}

extension IntervalBarChart {
    /// One row per category: value, interval and people, or the withheld words.
    public var table: ChartTable {
        let targets = self.bars.contains { $0.target != nil }
        let rows = self.bars.map { bar -> [String] in
            let shown = bar.value?.isFinite ?? false
            let row = [
                bar.label, self.format.cell(bar.value, withheld: self.withheldLabel),
                shown ? self.format.interval(bar.lower, bar.upper) : "",
                shown ? bar.count.map(String.init) ?? "" : "",
            ]
            return targets ? row + [self.format.cell(bar.target, withheld: "")] : row
        }
        let header = ["", "Value", "Interval", "People"] + (targets ? ["Target"] : [])
        return ChartTable(caption: self.title, header: header, rows: rows)
    }
}

extension Heatmap {
    /// One row per heatmap row, one column per column; withheld cells say so.
    public var table: ChartTable {
        let width = max(self.columns.count, self.rows.map(\.values.count).max() ?? 0)
        let header = [""] + (0..<width).map { $0 < self.columns.count ? self.columns[$0] : "column \($0 + 1)" }
        let rows = self.rows.map { row in
            [row.name] + (0..<width).map { index in
                self.format.cell(index < row.values.count ? row.values[index] : nil, withheld: self.withheldLabel)
            }
        }
        return ChartTable(caption: self.title, header: header, rows: rows)
    }
}

extension DistributionChart {
    /// One row per option with its count and share, then the mean; a single withheld row below the minimum.
    public var table: ChartTable {
        let header = ["Answer", "Count", "Share"]
        guard self.total > 0 else { return ChartTable(caption: self.title, header: header, rows: []) }
        guard !self.isWithheld else {
            return ChartTable(caption: self.title, header: header, rows: [["Withheld", self.withheldLabel, ""]])
        }
        var rows = self.options.map { option in
            [option.label, String(option.count), ValueFormat.percent().string(Double(option.count) / Double(self.total))]
        }
        if let mean = self.mean, mean.value.isFinite {
            let number = ValueFormat.number(decimals: 1)
            let interval = number.interval(mean.lower, mean.upper)
            rows.append(["Mean", number.string(mean.value), interval.isEmpty ? "" : "interval \(interval)"])
        }
        return ChartTable(caption: self.title, header: header, rows: rows)
    }
}

extension TrendChart {
    /// One row per week, a column per line; a week without a value says so.
    public var table: ChartTable {
        let lines = self.allLines
        let rows = self.points.enumerated().map { week, point in
            [point.label] + lines.map { line in
                self.format.cell(week < line.values.count ? line.values[week] : nil, withheld: "no value")
            }
        }
        return ChartTable(caption: self.title, header: ["Week"] + lines.map(\.name), rows: rows)
    }
}
