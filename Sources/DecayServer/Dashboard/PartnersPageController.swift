import DecayApp
import DecayCharts
import DecayCore
import Foundation
import Hummingbird

/// `GET /partners[?category=&tier=&region=&manager=]`: ranking within category, scorecard, Gini; and
/// `GET /partners/{id}`: one partner's reps and weekly history. A manager sees only their own partners.
struct PartnersPageController {
    let recall: PartnerKeyPointRecall
    /// Rows per screen of the ranking and the scorecard; their CSV holds them all.
    static let pageSize = 50
    let reports: EngagementReports
    let renderer: DashboardRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("partners", use: self.list)
        group.get("partners/:id", use: self.partner)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.dashboard
        let query = request.uri.queryParameters
        let filter = PartnerFilter(
            category: query.get("category"), tier: query.get("tier"), region: query.get("region"), manager: query.get("manager"))
        let result = try await self.reports.partners(asOf: Date(), filter: filter, scope: session.viewer.scope)
        let report = result.report
        var page = DashboardPage(
            title: "Partners", path: "/partners",
            intro: "Ranked within their category by score (0–100); rates over reps, withheld under 3 people.")
        page.filters = [
            PageFilter(name: "category", label: "Category", options: result.categories, selected: filter.category),
            PageFilter(name: "tier", label: "Tier", options: result.tiers, selected: filter.tier),
            PageFilter(name: "region", label: "Region", options: result.regions, selected: filter.region),
            PageFilter(name: "manager", label: "Manager", options: result.managers, selected: filter.manager),
            PageFilter(name: "message", label: "Heatmap message", options: self.recall.messages.catalog.sortedMessages.map(\.id),
                       selected: query.get("message").flatMap { $0.isEmpty ? nil : $0 } ?? self.recall.messages.catalog.sortedMessages.first?.id),
        ]
        page.tiles = [
            PageTile(label: "Partners", value: report.overall.partners.formatted(), detail: "\(report.overall.scoredPartners) with a score"),
            PageTile(label: "Median score", value: PageFormat.number(report.overall.medianScore, digits: 0), detail: "0–100"),
            PageTile(label: "Gini of scores", value: PageFormat.number(report.overall.scoreGini, digits: 2), detail: "0 = all alike, 1 = one partner has it all"),
            PageTile(label: "Targets met", value: report.overall.targetsMet.map { "\($0)" } ?? "–",
                     detail: "\(report.overall.targetsMissed ?? 0) missed, \(report.overall.targetsUnknown ?? 0) unknown"),
        ]
        page.blocks.append(PageBlock("Ranking within category", note: filter == PartnerFilter() ? nil : "Ranked among the partners the filters let through.", table: .paged(
            id: "ranking", caption: "Partners by category and rank",
            columns: ["Rank", "Partner", "Category", "Tier", "Reps", "Score", "Response rate", "Ack rate", "Recall", "Active", "Top-3 share", "Quiet reps"],
            items: report.partners, pageSize: Self.pageSize, empty: "No partner matches these filters."
        ) { line in
            [PageCell(line.rankInCategory.map { "\($0)" } ?? "–", numeric: true), PageCell(line.name, href: PageFormat.path("partners", line.id)),
             PageCell(line.category), PageCell(line.tier), .number(line.people), .figure(PageFormat.number(line.score, digits: 0)),
             PageFormat.share(line.responseRate), PageFormat.share(line.ackRate), PageFormat.share(line.recall), PageFormat.share(line.activeShare),
             .figure(PageFormat.percent(line.topShare)), .number(line.quietReps.count)]
        }, wide: true))
        page.blocks.append(try await self.heatmap(request: request, lines: report.partners, people: session.viewer.scope.people))
        let scorecard = report.partners.flatMap { line in (line.scorecard ?? []).map { (line, $0) } }
        page.blocks.append(PageBlock("Scorecard", note: "Target against actual per metric; the gap is positive when the target is met.", table: .paged(
            id: "scorecard", caption: "Scorecard: target vs actual",
            columns: ["Partner", "Metric", "Target", "Actual", "Gap", "Met"], items: scorecard, pageSize: Self.pageSize,
            empty: "No scorecard targets are set (DECAY_TARGETS or the scorecard_target table)."
        ) { line, entry in
            [PageCell(line.name, href: PageFormat.path("partners", line.id)), PageCell(entry.metric.title),
             .figure(PageFormat.metric(entry.target, entry.metric), csv: entry.target),
             .figure(entry.actual.map { PageFormat.metric($0, entry.metric) } ?? "–", csv: entry.actual),
             .figure(entry.gap.map { PageFormat.gap($0, entry.metric) } ?? "–", csv: entry.gap),
             PageCell(entry.met.map { $0 ? "met" : "missed" } ?? "unknown", mark: entry.met.map { $0 ? "good" : "bad" } ?? "muted")]
        }, wide: true))
        return try self.renderer.respond(page, request: request, session: session)
    }

    /// Partner × key point recall of one message (`?message=`, the first by default) for the partners on this screen
    /// of the ranking, counting only `people` when the viewer is a partner manager; cells from fewer than 3 people stay
    /// blank.
    func heatmap(request: Request, lines: [PartnersReport.Line], people: Set<String>?) async throws -> PageBlock {
        let query = request.uri.queryParameters
        let messages = self.recall.messages.catalog.sortedMessages
        let id = query.get("message").flatMap { $0.isEmpty ? nil : $0 } ?? messages.first?.id ?? ""
        let grid = try await self.recall.grid(message: id, asOf: Date(), people: people)
        let number = max(Int(query.get("page") ?? "") ?? 1, 1)
        let shown = Array(lines.dropFirst((number - 1) * Self.pageSize).prefix(Self.pageSize))
        let chart = Heatmap(
            title: "Recall by partner and key point: \(id)", summary: "Share whose latest answer is correct; blank under 3 people.",
            columns: grid.keyPoints,
            rows: shown.map { line in .init(name: line.name, values: grid.keyPoints.map { grid.partners[line.id]?[$0]?.rate }) })
        return PageBlock(
            "Recall by partner and key point", note: "\(id): the partners on this screen of the ranking; blank where fewer than 3 people answered.",
            table: PageTable(
                id: "heatmap", caption: "Share correct per partner and key point (\(id))", columns: ["Partner"] + grid.keyPoints,
                rows: shown.map { line in
                    [PageCell(line.name, href: PageFormat.path("partners", line.id))]
                        + grid.keyPoints.map { point in grid.partners[line.id]?[point].map(PageFormat.share) ?? PageCell("–", numeric: true, mark: "muted") }
                }),
            chart: PageChart(id: "heatmap", title: chart.title, svg: chart.svg(id: "heatmap-chart")), wide: true)
    }

    @Sendable func partner(request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.dashboard
        let id: String = try context.parameters.require("id")
        let history = try await self.reports.partner(id, asOf: Date(), scope: session.viewer.scope)
        var page = DashboardPage(
            title: history.partner.name, path: PageFormat.path("partners", id),
            intro: "\(history.partner.category) · \(history.partner.tier) · \(history.partner.region)")
        if let line = history.line {
            page.tiles = [
                PageTile(label: "Score", value: PageFormat.number(line.score, digits: 0), detail: line.rankInCategory.map { "rank \($0) in \(line.category)" } ?? "not ranked"),
                PageTile(label: "Response rate", value: line.responseRate.text, detail: "\(line.people) reps"),
                PageTile(label: "Ack rate", value: line.ackRate.text, detail: "median ack \(PageFormat.number(line.medianAckHours)) h"),
                PageTile(label: "Recall", value: line.recall.text, detail: "quiz answers correct"),
            ]
        }
        let weeks = history.weeks
        let highest = weeks.map { max($0.delivered, $0.acked, $0.responded) }.max() ?? 0
        let trend = TrendChart(
            title: "Received, acknowledged and answered by week",
            summary: "Messages this partner's reps received, acknowledged and answered, totals up to each week's end.",
            points: weeks.map { .init(label: PageFormat.date($0.end), value: Double($0.delivered)) }, format: .number(decimals: 0),
            domain: 0...max(Double(highest) * 1.1, 1), name: "Received",
            lines: [.init(name: "Acknowledged", values: weeks.map { Double($0.acked) }), .init(name: "Answered", values: weeks.map { Double($0.responded) })])
        page.blocks.append(PageBlock("Over time", note: "Messages received, acknowledged and answered, totals up to the end of each week.", table: PageTable(
            id: "weeks", caption: "Received, acknowledged and answered by week",
            columns: ["Week ending", "Received", "Acknowledged", "Answered"],
            rows: weeks.map { [PageCell(PageFormat.date($0.end)), .number($0.delivered), .number($0.acked), .number($0.responded)] }),
            chart: PageChart(id: "weeks", title: trend.title, svg: trend.svg(id: "weeks-chart"))))
        page.blocks.append(PageBlock("Reps", table: PageTable(
            id: "reps", caption: "Each rep's deliveries, acks and answers",
            columns: ["Rep", "Received", "Acknowledged", "Answered", "Quiz correct", "Last activity"],
            rows: history.reps.map { rep in
                [PageCell(history.names[rep.person] ?? rep.person, href: PageFormat.path("people", rep.person)), .number(rep.delivered), .number(rep.acked), .number(rep.responded),
                 .figure("\(rep.quizCorrect)/\(rep.quizAnswers)"), PageCell(PageFormat.date(rep.lastActivity))]
            }, empty: "No reps.")))
        return try self.renderer.respond(page, request: request, session: session)
    }
}
