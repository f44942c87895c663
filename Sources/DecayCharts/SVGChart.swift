/// What every chart offers a page: a title for its caption and a standalone, deterministic `<svg>` element.
///
/// `id` must be unique on the page: it becomes the `<svg>`'s id and prefixes its `<title>`, `<desc>` and pattern
/// ids (sanitised by `SVGWriter.identifier`). The same value and id always give the same markup.
public protocol SVGChart: Sendable {
    var title: String { get }
    func svg(id: String) -> String
    /// The same figures as a table, for the text alternative next to the chart.
    var table: ChartTable { get }
}

extension CurveChart: SVGChart {}
extension IntervalBarChart: SVGChart {}
extension Heatmap: SVGChart {}
extension DistributionChart: SVGChart {}
extension TrendChart: SVGChart {}
