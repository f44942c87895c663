import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /people/{id}`: what one person received, acknowledged and answered, and their recall per key point. Counts
/// only: one person is below the 3-people rule for percentages.
struct PersonPageController {
    let reports: EngagementReports
    let renderer: DashboardRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("people/:id", use: self.page)
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.dashboard
        let id: String = try context.parameters.require("id")
        let report = try await self.reports.person(id, asOf: Date(), visibleTo: session.viewer)
        let profile = report.person
        var page = DashboardPage(
            title: profile.name, path: PageFormat.path("people", id),
            intro: "\(profile.role.rawValue) at \(profile.partnerName ?? "the vendor")\(profile.reportsTo.map { ", reports to \($0)" } ?? "")")
        let engagement = report.engagement
        page.tiles = [
            PageTile(label: "Received", value: engagement.delivered.formatted(), detail: engagement.hops == 0 ? "directly" : "through \(engagement.hops) hop(s)",
                     href: profile.partner.map { PageFormat.path("partners", $0) }),
            PageTile(label: "Acknowledged", value: engagement.acked.formatted(), detail: "median \(PageFormat.number(engagement.medianAckHours)) h"),
            PageTile(label: "Answered", value: engagement.responded.formatted(), detail: engagement.active ? "active in 14 days" : "quiet for 14 days"),
            PageTile(label: "Quiz correct", value: "\(engagement.quizCorrect)/\(engagement.quizAnswers)", detail: "all answers"),
        ]
        page.blocks.append(PageBlock("Received and acknowledged", table: PageTable(
            id: "deliveries", caption: "Deliveries, newest first",
            columns: ["Message", "Version", "Hops", "Via", "Delivered", "Acknowledged"],
            rows: report.deliveries.sorted { $0.deliveredAt > $1.deliveredAt }.map { delivery in
                [PageCell(delivery.message), .number(delivery.version), .number(delivery.hops), PageCell(delivery.via ?? "direct"),
                 PageCell(PageFormat.dateTime(delivery.deliveredAt)), PageCell(PageFormat.dateTime(delivery.ackedAt), mark: delivery.ackedAt == nil ? "muted" : nil)]
            }, empty: "Nothing delivered yet.")))
        page.blocks.append(PageBlock("Answered", table: PageTable(
            id: "responses", caption: "Survey responses, newest first",
            columns: ["Survey", "Message", "Submitted", "Answers", "Correct"],
            rows: report.responses.sorted { $0.submittedAt > $1.submittedAt }.map { response in
                let graded = response.answers.compactMap(\.correct)
                return [PageCell(response.survey), PageCell(response.message ?? "–"), PageCell(PageFormat.dateTime(response.submittedAt)),
                        .number(response.answers.count), .figure(graded.isEmpty ? "–" : "\(graded.filter { $0 }.count)/\(graded.count)")]
            }, empty: "No answers yet.")))
        page.blocks.append(PageBlock("Recall per key point", table: PageTable(
            id: "recall", caption: "Quiz answers per key point",
            columns: ["Message", "Key point", "Answers", "Correct", "Latest"],
            rows: report.keyPoints.map { point in
                [PageCell(point.message ?? "–"), PageCell(point.keyPoint), .number(point.answers), .number(point.correct),
                 PageCell(point.latestCorrect ? "correct" : "wrong", mark: point.latestCorrect ? "good" : "bad")]
            }, empty: "No quiz answers yet."), wide: true))
        return try self.renderer.respond(page, request: request, session: session)
    }
}
