import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /messages/{id}[?relays_offset=N]` (admins): per key point who still knows it and how fast it decays, recall
/// by relay hop, the spreading wrong answers, the relays worst first, 20 a page, with their text and the points they
/// lost, and the message's versions.
struct MessagePageController {
    static let relaysPerPage = 20
    let reports: MessageReports
    let renderer: DashboardRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("messages/:id", use: self.page)
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.dashboard
        let id: String = try context.parameters.require("id")
        let relays = try InputRules.relayPage(limit: "\(Self.relaysPerPage)", offset: request.uri.queryParameters.get("relays_offset"))
        let report = try await self.reports.report(message: id, resamples: nil, relays: relays, servingStale: true)
        let path = PageFormat.path("messages", id)
        var page = DashboardPage(
            title: report.title, path: path,
            intro: "Version \(report.version) · \(report.people.formatted()) people answered \(report.quizAnswers.formatted()) quiz questions.")
        page.tiles = [
            PageTile(label: "Half-life", value: "\(PageFormat.number(report.halfLifeDays.value)) days",
                     detail: report.halfLifeDays.value == nil ? report.halfLifeDays.note : "\(PageFormat.number(report.halfLifeDays.low))–\(PageFormat.number(report.halfLifeDays.high)) days"),
            PageTile(label: "Kept per relay hop", value: PageFormat.percent(report.retentionPerHop.value), detail: report.retentionPerHop.note),
            PageTile(label: "Relay fidelity", value: PageFormat.percent(report.meanRelayFidelity), detail: "\(report.relaysTotal) relays"),
        ]
        page.blocks.append(PageBlock("Key points", note: "Share answering correctly now (latest answer per person), fitted half-life, projected recall after a direct delivery.", table: PageTable(
            id: "key-points", caption: "Recall and decay per key point",
            columns: ["Key point", "Correct now", "Half-life (days)", "Interval", "Initial learning", "30 days", "60 days", "90 days", "Free text present / missing / distorted", "Still on an older version"],
            rows: report.keyPoints.map { point in
                [PageCell(point.id), PageCell(point.correctNow.text, numeric: true, mark: point.correctNow.rate == nil ? "muted" : nil),
                 .figure(PageFormat.number(point.halfLifeDays.value)),
                 .figure("\(PageFormat.number(point.halfLifeDays.low))–\(PageFormat.number(point.halfLifeDays.high))"),
                 .figure(PageFormat.percent(point.initialLearning.value)),
                 .figure(PageFormat.percent(point.projected["30"]?.value)), .figure(PageFormat.percent(point.projected["60"]?.value)),
                 .figure(PageFormat.percent(point.projected["90"]?.value)),
                 .figure("\(point.freeTextPresent) / \(point.freeTextMissing) / \(point.freeTextDistorted)"),
                 PageCell(point.stillOnOldVersion.isEmpty ? "–" : point.stillOnOldVersion.map { "still on v\($0.version): \($0.people.formatted()) people" }.joined(separator: "; "))]
            }), wide: true))
        let target = self.reports.catalog.messages[id]?.recheck?.target
        page.blocks += report.keyPoints.map { MessageCharts.curve($0, target: target) }
        page.blocks.append(MessageCharts.hops(report))
        page.blocks.append(PageBlock("Spreading wrong answers", table: PageTable(
            id: "wrong-answers", caption: "Most common wrong answer per key point",
            columns: ["Key point", "Wrong answer", "Count", "Share of wrong answers"],
            rows: report.keyPoints.compactMap { point in
                point.mostCommonWrongAnswer.map { wrong in
                    [PageCell(point.id), PageCell(wrong.text, mark: "bad"), .number(wrong.count),
                     .figure(wrong.count >= Proportion.minimumPeople ? PageFormat.percent(wrong.share) : Proportion.tooFewText)]
                }
            }, empty: "No wrong answers yet.")))
        page.blocks.append(MessageBlocks.relays(report))
        page.blocks.append(MessageBlocks.versions(report))
        if report.relaysOffset > 0 {
            page.pager.append(PageLink(label: "← Worse relays", href: "\(path)?relays_offset=\(max(0, report.relaysOffset - Self.relaysPerPage))"))
        }
        if report.relaysOffset + report.relays.count < report.relaysTotal {
            page.pager.append(PageLink(label: "Better relays →", href: "\(path)?relays_offset=\(report.relaysOffset + Self.relaysPerPage)"))
        }
        return try self.renderer.respond(page, request: request, session: session)
    }
}
