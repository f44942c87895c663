import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /`: the week's figures beside last week's, the messages, and what needs attention.
struct OverviewPageController {
    let overview: DashboardOverview
    let renderer: DashboardRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/", use: self.page)
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.dashboard
        let overview = try await self.overview.overview(asOf: Date(), viewer: session.viewer)
        var page = DashboardPage(
            title: "Overview", path: "/",
            intro: session.viewer.isAdmin ? "The whole channel this week." : "Your partners and reps this week.")
        let week = overview.thisWeek
        let last = overview.lastWeek
        page.tiles = [
            PageTile(label: "Partners", value: week.partners.formatted(), detail: "\(week.people.formatted()) reps", href: "/partners"),
            PageTile(label: "Response rate", value: week.responseRate.text, detail: PageFormat.change(week.responseRate, last.responseRate)),
            PageTile(label: "Ack rate", value: week.ackRate.text, detail: PageFormat.change(week.ackRate, last.ackRate)),
            PageTile(label: "Active in 14 days", value: week.activeShare.text, detail: PageFormat.change(week.activeShare, last.activeShare)),
            PageTile(label: "Median partner score", value: PageFormat.number(week.medianScore, digits: 0),
                     detail: "Gini \(PageFormat.number(week.scoreGini, digits: 2)) (0 = all partners alike)"),
        ]
        if let dead = overview.deadPosts, let rejected = overview.rejectedEvents {
            page.tiles.append(PageTile(label: "Needs fixing", value: "\(dead) dead", detail: "\(rejected) rejected events", href: "/operations"))
        }
        if session.viewer.isAdmin {
            page.blocks.append(PageBlock("Messages", table: PageTable(
                id: "messages",
                caption: "Active messages: reach, share answering correctly now, the fastest-decaying key point, and relay loss (1 − the weighted share of key points relayed texts carry intact; withheld under 3 people)",
                columns: ["Message", "Version", "People", "Still correct", "Fastest decay", "Its half-life (days)", "Relay loss", "Relays"],
                rows: overview.messages.map { message in
                    [PageCell(message.title, href: PageFormat.path("messages", message.id)), .number(message.version), .number(message.people),
                     PageFormat.share(message.stillCorrect), PageCell(message.fastestPoint ?? "–"),
                     .figure(PageFormat.number(message.fastestHalfLifeDays)), .figure(PageFormat.percent(message.relayLoss)),
                     .number(message.relays)]
                }), wide: true))
            page.blocks.append(PageBlock("Spreading wrong answers", note: "Wrong answers given by 3 people or more.", table: PageTable(
                id: "spreading", caption: "Most common wrong answer per key point",
                columns: ["Message", "Key point", "Wrong answer", "People"],
                rows: overview.spreading.map {
                    [PageCell($0.message, href: PageFormat.path("messages", $0.message)), PageCell($0.keyPoint), PageCell($0.answer, mark: "bad"),
                     .number($0.count)]
                }, empty: "No wrong answer is spreading.")))
        }
        page.blocks.append(PageBlock(
            "Re-checks due or sent",
            note: "Reps re-asked a message's weakest points in the 7 days before now or due in the 7 after, and reminders to silent reps.",
            table: PageTable(
                id: "rechecks", caption: "Re-checks and reminders per message",
                columns: ["Message", "Reps re-checked", "Due", "Sent", "Answered since", "Reminders sent"],
                rows: overview.rechecks.map { line in
                    [session.viewer.isAdmin ? PageCell(line.message, href: PageFormat.path("messages", line.message)) : PageCell(line.message),
                     .number(line.reps), .number(line.due), .number(line.sent), .number(line.answered), .number(line.reminders)]
                }, empty: "No re-check or reminder this week.")))
        page.blocks.append(PageBlock("Quiet partners", note: "Partners with 3 or more reps silent for 14 days.", table: PageTable(
            id: "quiet", caption: "Partners with the most quiet reps",
            columns: ["Partner", "Reps", "Quiet reps"],
            rows: overview.quietPartners.map {
                [PageCell($0.name, href: PageFormat.path("partners", $0.id)), .number($0.reps), PageCell($0.quiet.formatted(), numeric: true, mark: "bad")]
            }, empty: "No partner has 3 or more quiet reps.")))
        return try self.renderer.respond(page, request: request, session: session)
    }
}
