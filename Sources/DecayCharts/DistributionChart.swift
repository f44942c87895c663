/// How answers spread over the options of a pulse question (a 1-10 scale or choice labels): a bar per option with
/// its count and percentage, and optionally the mean with its interval as a marker above the bars. Nothing is
/// shown as a percentage from fewer than `minimumPeople`.
/// ```swift
/// let chart = DistributionChart.scale(title: "Strategic importance", min: 1, counts: [0, 1, 2, 3, 5, 9, 12, 8, 4, 2],
///                                     mean: .init(value: 6.4, lower: 6.0, upper: 6.8))
/// ```
public struct DistributionChart: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var label: String
        public var count: Int
        /// Where the option sits on a numeric scale, for placing the mean; nil for choice questions.
        public var value: Double?

        public init(label: String, count: Int, value: Double? = nil) {
            self.label = label
            self.count = count
            self.value = value
        }
    }

    /// The mean answer on the options' numeric scale, with its interval.
    public struct Mean: Sendable, Equatable {
        public var value: Double
        public var lower: Double?
        public var upper: Double?

        public init(value: Double, lower: Double? = nil, upper: Double? = nil) {
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    public var title: String
    public var summary: String
    public var options: [Option]
    public var mean: Mean?
    /// Below this many answers in total no bar or percentage is drawn.
    public var minimumPeople: Int
    public var withheldLabel: String

    public init(
        title: String, summary: String = "", options: [Option], mean: Mean? = nil, minimumPeople: Int = 3,
        withheldLabel: String = "fewer than 3 people"
    ) {
        self.title = title
        self.summary = summary
        self.options = options
        self.mean = mean
        self.minimumPeople = minimumPeople
        self.withheldLabel = withheldLabel
    }

    /// A numeric scale question: `counts[i]` answers of `min + i`, each option labelled with its number.
    public static func scale(
        title: String, summary: String = "", min: Int, counts: [Int], mean: Mean? = nil
    ) -> DistributionChart {
        let options = counts.enumerated().map { index, count in
            Option(label: String(min + index), count: count, value: Double(min + index))
        }
        return DistributionChart(title: title, summary: summary, options: options, mean: mean)
    }

    static let width = 720.0

    var total: Int {
        self.options.reduce(0) { $0 + max($1.count, 0) }
    }

    var isWithheld: Bool {
        self.total < self.minimumPeople
    }

    /// What stands in for the bars when there are none to show: no answers at all, or too few people.
    var emptyNote: String? {
        if self.total == 0 { return "No answers yet" }
        return self.isWithheld ? "Withheld: \(self.withheldLabel)" : nil
    }

    /// Options whose labels do not fit under a bar (long choice texts) are laid out as horizontal bars.
    var isHorizontal: Bool {
        let slot = (Self.width - 32) / Double(max(self.options.count, 1))
        return self.options.contains { TextFit.width($0.label, fontSize: ChartStyle.fontSize) > slot - 4 }
    }

    /// The chart as a standalone `<svg>` element; `id` prefixes the ids of its title and desc.
    public func svg(id: String) -> String {
        self.isHorizontal ? self.horizontalSVG(id: id) : self.verticalSVG(id: id)
    }

    private func verticalSVG(id: String) -> String {
        let meanBand = self.meanPosition(slot: 1, left: 0) != nil && self.emptyNote == nil ? 34.0 : 0
        let plot = PlotArea(left: 16, top: 20 + meanBand, right: Self.width - 16, bottom: 220 + meanBand)
        let document = ChartDocument(
            id: id, width: Self.width, height: plot.bottom + 30, title: self.title, description: self.description)
        let slot = plot.width / Double(max(self.options.count, 1))
        let highest = Double(self.options.map(\.count).max() ?? 0)
        let height = LinearScale(domain: 0...max(highest, 1), range: (plot.top + 18)...plot.bottom, inverted: true)
        return document.render { svg in
            plot.drawBaseline(&svg)
            for (index, option) in self.options.enumerated() {
                let center = plot.left + slot * (Double(index) + 0.5)
                plot.drawCategoryLabel(&svg, option.label, center: center, room: slot - 4)
                guard self.emptyNote == nil, option.count > 0 else { continue }
                let top = height(Double(option.count))
                let barWidth = min(slot * 0.7, 80)
                svg.element("rect", [
                    "x": .number(center - barWidth / 2), "y": .number(top), "width": .number(barWidth),
                    "height": .number(plot.bottom - top), "fill": .text(ChartPalette.color(0)),
                ], title: "\(option.label): \(self.countText(option))")
                let share = ValueFormat.percent().string(Double(option.count) / Double(self.total))
                let text = slot >= 64 ? "\(option.count) · \(share)" : share
                svg.text(text, [
                    "x": .number(center), "y": .number(top - 5), "text-anchor": "middle",
                    "font-size": .number(slot >= 40 ? ChartStyle.smallFontSize : 9),
                ])
            }
            if let note = self.emptyNote {
                plot.drawNote(&svg, note)
            } else {
                self.drawMean(&svg, plot: plot, slot: slot)
            }
        }
    }

    /// Long option texts on the left (cut with an ellipsis, full text on hover), bars to the right with count and
    /// share; the mean, if any, as a line of text under the bars.
    private func horizontalSVG(id: String) -> String {
        let labelRoom = min(300, self.options.map { TextFit.width($0.label, fontSize: ChartStyle.fontSize) }.max() ?? 60)
        let rowHeight = 28.0
        let meanLine = self.mean != nil && self.emptyNote == nil ? 24.0 : 0
        let plot = PlotArea(
            left: labelRoom + 16, top: 8, right: Self.width - 100, bottom: 8 + rowHeight * Double(max(self.options.count, 1)))
        let document = ChartDocument(
            id: id, width: Self.width, height: plot.bottom + 12 + meanLine, title: self.title, description: self.description)
        let highest = Double(self.options.map(\.count).max() ?? 0)
        let length = LinearScale(domain: 0...max(highest, 1), range: plot.left...plot.right)
        return document.render { svg in
            plot.drawLeftAxis(&svg)
            for (index, option) in self.options.enumerated() {
                let middle = plot.top + rowHeight * (Double(index) + 0.5)
                plot.drawRowLabel(&svg, option.label, middle: middle, room: labelRoom)
                guard self.emptyNote == nil, option.count > 0 else { continue }
                let end = length(Double(option.count))
                svg.element("rect", [
                    "x": .number(plot.left), "y": .number(middle - rowHeight * 0.32), "width": .number(end - plot.left),
                    "height": .number(rowHeight * 0.64), "fill": .text(ChartPalette.color(0)),
                ], title: "\(option.label): \(self.countText(option))")
                let share = ValueFormat.percent().string(Double(option.count) / Double(self.total))
                svg.text("\(option.count) · \(share)", [
                    "x": .number(end + 6), "y": .number(middle + 4), "font-size": .number(ChartStyle.smallFontSize),
                ])
            }
            if let note = self.emptyNote {
                plot.drawNote(&svg, note)
            } else if meanLine > 0, let text = self.meanText {
                svg.text(text, ["x": .number(plot.left), "y": .number(plot.bottom + 24), "font-weight": "600"])
            }
        }
    }

    /// "Mean 6.4 (interval 6.0–6.8)", or nil without a finite mean.
    var meanText: String? {
        guard let mean = self.mean, mean.value.isFinite else { return nil }
        let number = ValueFormat.number(decimals: 1)
        var text = "Mean \(number.string(mean.value))"
        let interval = number.interval(mean.lower, mean.upper)
        if !interval.isEmpty { text += " (interval \(interval))" }
        return text
    }

    /// The x of a value on the options' scale: between the centres of the two options whose values bracket it.
    func meanPosition(slot: Double, left: Double, value: Double? = nil) -> Double? {
        let target = value ?? self.mean?.value
        guard let target, target.isFinite else { return nil }
        let placed = self.options.enumerated().compactMap { index, option in
            option.value.flatMap { $0.isFinite ? (Double(index), $0) : nil }
        }.sorted { $0.1 < $1.1 }
        guard let first = placed.first, let last = placed.last else { return nil }
        var position: Double
        if target <= first.1 || placed.count == 1 {
            position = first.0
        } else if target >= last.1 {
            position = last.0
        } else {
            position = last.0
            for (a, b) in zip(placed, placed.dropFirst()) where target >= a.1 && target <= b.1 {
                let t = b.1 > a.1 ? (target - a.1) / (b.1 - a.1) : 0
                position = a.0 + (b.0 - a.0) * t
                break
            }
        }
        return left + slot * (position + 0.5)
    }

    private func drawMean(_ svg: inout SVGWriter, plot: PlotArea, slot: Double) {
        guard let mean = self.mean, let x = self.meanPosition(slot: slot, left: plot.left) else { return }
        let y = plot.top - 22
        let number = ValueFormat.number(decimals: 1)
        var label = "mean \(number.string(mean.value))"
        if let lower = mean.lower, let upper = mean.upper,
            let low = self.meanPosition(slot: slot, left: plot.left, value: lower),
            let high = self.meanPosition(slot: slot, left: plot.left, value: upper)
        {
            svg.element("path", [
                "d": .text(IntervalBarChart.horizontalWhisker(y: y, from: low, to: high)),
                "stroke": .text(ChartPalette.ink), "stroke-width": 1.5, "fill": "none",
            ])
            label += " (\(number.string(lower))–\(number.string(upper)))"
        }
        svg.element("line", [
            "x1": .number(x), "x2": .number(x), "y1": .number(y), "y2": .number(plot.bottom),
            "stroke": .text(ChartPalette.color(1)), "stroke-width": 2, "stroke-dasharray": "6 3",
        ])
        svg.element("path", [
            "d": .text("M\(SVGWriter.number(x) ?? "0") \(SVGWriter.number(y - 6) ?? "0") l6 6 l-6 6 l-6 -6 Z"),
            "fill": .text(ChartPalette.color(1)), "stroke": .text(ChartPalette.ink), "stroke-width": 1,
        ], title: label)
        let anchor = x > (plot.left + plot.right) / 2 ? "end" : "start"
        svg.text(label, [
            "x": .number(anchor == "end" ? x - 12 : x + 12), "y": .number(y - 8), "text-anchor": .text(anchor),
            "font-weight": "600",
        ])
    }

    private func countText(_ option: Option) -> String {
        let share = ValueFormat.percent().string(Double(option.count) / Double(max(self.total, 1)))
        return "\(option.count) (\(share))"
    }

    /// The caller's summary, then every option's count and share, the mean, or that it is withheld.
    var description: String {
        var parts: [String] = []
        if !self.summary.isEmpty { parts.append(self.summary) }
        if self.total == 0 {
            parts.append("No answers yet.")
        } else if self.isWithheld {
            parts.append("Withheld, \(self.withheldLabel).")
        } else {
            parts.append("\(self.total) answers: "
                + self.options.map { "\($0.label): \(self.countText($0))" }.joined(separator: "; ") + ".")
            if let text = self.meanText { parts.append(text + ".") }
        }
        return parts.joined(separator: " ")
    }
}
