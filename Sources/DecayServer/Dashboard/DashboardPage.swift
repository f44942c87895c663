/// What one dashboard page shows, before it becomes HTML, CSV or SVG: pages build this from a use case's answer and
/// ``DashboardRenderer`` turns it into the answer the request asked for.
struct DashboardPage: Sendable {
    var title: String
    /// The page's own path, for its download links and the filter form.
    var path: String
    var intro: String?
    var tiles: [PageTile] = []
    var filters: [PageFilter] = []
    var blocks: [PageBlock] = []
    /// Links to the previous and next page of a paged list.
    var pager: [PageLink] = []

    init(title: String, path: String, intro: String? = nil, blocks: [PageBlock] = []) {
        self.title = title
        self.path = path
        self.intro = intro
        self.blocks = blocks
    }

    var tables: [PageTable] { self.blocks.compactMap(\.table) }
    var charts: [PageChart] { self.blocks.compactMap(\.chart) }
}

/// A GET filter (a select) on a page, e.g. category, tier, region, manager.
struct PageFilter: Sendable {
    var name: String
    var label: String
    var options: [String]
    var selected: String?
}

/// A plain link with its label.
struct PageLink: Sendable {
    var label: String
    var href: String
}
