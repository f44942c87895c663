import DecayCore

/// A table a page shows; the same rows are its CSV (`?format=csv&table=<id>`), so what is on screen and what is
/// downloaded cannot differ.
struct PageTable: Sendable {
    /// Unique within the page; names the CSV download.
    var id: String
    var caption: String
    var columns: [String]
    var rows: [[PageCell]]
    /// Shown instead of the table when there are no rows.
    var empty = "Nothing yet."
    /// Rows per screen (`?page=N`, from 1); nil shows every row. The CSV always holds every row.
    var pageSize: Int?
    /// The query parameter that pages this table: `page` for a page's main table (the partners page pages its ranking,
    /// scorecard and heatmap together); a page with several long tables gives each its own, so each pages alone.
    var pageParameter = "page"
    /// A long table whose rows are built only when shown (one screen, or all of them for the CSV); `rows` stays empty.
    var lazyRows: LazyRows?

    struct LazyRows: Sendable {
        var count: Int
        var build: @Sendable (Range<Int>) -> [[PageCell]]
    }

    var rowCount: Int { self.lazyRows?.count ?? self.rows.count }

    /// A long table whose rows are built from `items` only when shown: one screen of `pageSize` for the page, all for
    /// the CSV (a page of 2,000 partners or 25,000 comments built every row to show 50).
    static func paged<Item: Sendable>(
        id: String, caption: String, columns: [String], items: [Item], pageSize: Int, empty: String,
        row: @escaping @Sendable (Item) -> [PageCell]
    ) -> PageTable {
        var table = PageTable(id: id, caption: caption, columns: columns, rows: [], empty: empty, pageSize: pageSize)
        table.lazyRows = LazyRows(count: items.count) { range in items[range].map(row) }
        return table
    }

    /// The rows in `range` (within `0..<rowCount`).
    func rows(_ range: Range<Int>) -> [[PageCell]] {
        self.lazyRows.map { $0.build(range) } ?? Array(self.rows[range])
    }

    var csv: String { CSVTable.render(header: self.columns, rows: self.rows(0..<self.rowCount).map { $0.map { $0.csv ?? $0.text } }) }
}

/// One table cell: text (escaped by the template), optionally a link, a button (POST form with the CSRF token),
/// a numeric alignment and a mark (`bad`, `good`, `muted`) for colour that never carries the meaning alone.
struct PageCell: Sendable {
    var text: String
    var href: String?
    var action: Action?
    var numeric = false
    var mark: String?
    /// When set, the cell shows these pieces instead of `text` (which stays the plain text for CSV), marked ones
    /// in `<mark>`: a relay's text with its distorted phrases. Each piece is escaped like any other text.
    var segments: [Segment]?
    /// What the CSV holds when it differs from the text: a count without its thousands separator (`1234`, not `1,234`).
    var csv: String?

    struct Segment: Sendable, Equatable {
        var text: String
        /// What the mark is about (a key point), shown on hover; nil for unmarked text.
        var mark: String?
    }

    struct Action: Sendable {
        var url: String
        var label: String
    }

    init(_ text: String, href: String? = nil, numeric: Bool = false, mark: String? = nil, action: Action? = nil) {
        self.text = text
        self.href = href
        self.numeric = numeric
        self.mark = mark
        self.action = action
    }

    static func number(_ value: Int) -> PageCell {
        var cell = PageCell(value.formatted(), numeric: true)
        cell.csv = String(value)
        return cell
    }
    static func figure(_ text: String) -> PageCell { PageCell(text, numeric: true) }

    /// A figure shown in its unit (`85%`) whose CSV holds the number itself (`0.85`; empty when there is none).
    static func figure(_ text: String, csv value: Double?) -> PageCell {
        var cell = PageCell(text, numeric: true)
        cell.csv = value.map { String(format: "%.6g", $0) } ?? ""
        return cell
    }
}

/// One part of a page: a heading, a short note, and a table or a chart (with its table alternative).
struct PageBlock: Sendable {
    var heading: String
    var note: String?
    var table: PageTable?
    /// Server-drawn SVG markup (never data straight from a request) with its download link.
    var chart: PageChart?
    /// Wider blocks span the page's full width on large screens.
    var wide = false

    init(_ heading: String, note: String? = nil, table: PageTable? = nil, chart: PageChart? = nil, wide: Bool = false) {
        self.heading = heading
        self.note = note
        self.table = table
        self.chart = chart
        self.wide = wide
    }
}

/// A chart as inline SVG, its `?format=svg` download, and the table with the same numbers.
struct PageChart: Sendable {
    var id: String
    var title: String
    var svg: String
}

/// A figure on the overview's tiles: a label, the value and a line of context.
struct PageTile: Sendable {
    var label: String
    var value: String
    var detail: String
    var href: String?
}
