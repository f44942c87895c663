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
        page.tiles = Self.tiles(report)
        page.blocks.append(PageBlock("Key points", note: "Correct now is the share answering correctly (guessing included), each person's "
            + "latest answer. The other figures are on the know it (guessing removed) scale, knowledge above the chance of "
            + "guessing right: its fitted half-life, initial learning and projection after a direct delivery.", table: PageTable(
            id: "key-points", caption: "Recall and decay per key point; know it (guessing removed) at 30 / 60 / 90 days after a direct delivery",
            columns: ["Key point", "Correct now (guessing included)", "Half-life of know it (days)", "Interval", "Initial learning (know it)",
                      "Know it at 30 days", "Know it at 60 days", "Know it at 90 days", "Free text present / missing / distorted", "Still on an older version"],
            rows: report.keyPoints.map { point in
                [PageCell(point.id), PageCell(PageFormat.shown(point.correctNow.text, rate: point.correctNow.rate), numeric: true, mark: point.correctNow.rate == nil ? "muted" : nil),
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
                     .figure(wrong.count >= Proportion.minimumPeople ? PageFormat.percent(wrong.share) : PageFormat.withheld)]
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

    /// The message's half-life, the recall kept per relay hop, and the relays' fidelity: each a different share,
    /// so each tile says what it measures; the mean fidelity only from relays by at least 3 people.
    static func tiles(_ report: MessageReport) -> [PageTile] {
        let halfLife = report.halfLifeDays, perHop = report.retentionPerHop
        let fidelity = report.relayPeople >= Proportion.minimumPeople ? PageFormat.percent(report.meanRelayFidelity) : PageFormat.withheld
        return [
            PageTile(label: "Half-life", value: "\(PageFormat.number(halfLife.value)) days",
                     detail: halfLife.value == nil ? halfLife.note : "know it (guessing removed) halves; 95% interval \(PageFormat.number(halfLife.low))–\(PageFormat.number(halfLife.high)) days"),
            PageTile(label: "Kept per relay hop", value: PageFormat.percent(perHop.value),
                     detail: perHop.value == nil ? perHop.note : "share of recall kept per hop; 95% interval \(PageFormat.percent(perHop.low))–\(PageFormat.percent(perHop.high))"),
            PageTile(label: "Relay fidelity", value: fidelity,
                     detail: "share of key points a relayed text carries, mean of \(PageFormat.count(report.relaysTotal, "relay")) by \(PageFormat.count(report.relayPeople, "person", plural: "people"))"),
        ]
    }
}
