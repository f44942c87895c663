import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /people/{id}`: what one person received, acknowledged and answered, their recall per key point, and who they
/// report to (linked when the viewer may open that page). Counts only: one person is below the 3-people rule for
/// percentages.
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
        // The manager and who relayed to them, each read once (a rep's manager is often the one who relayed).
        var mentioned: [String: PersonReport.Profile] = [:]
        for id in Set(report.deliveries.compactMap(\.via) + [profile.reportsTo].compactMap { $0 }) {
            mentioned[id] = try await self.visible(id, asOf: report.asOf, viewer: session.viewer)
        }
        let manager = profile.reportsTo.flatMap { mentioned[$0] }
        var page = DashboardPage(
            title: profile.name, path: PageFormat.path("people", id),
            intro: "\(Self.role(profile.role).capitalizedFirst) at \(profile.partnerName ?? "the vendor")"
                + (profile.reportsTo.map { ", reports to \(manager?.name ?? $0)" } ?? ""))
        let engagement = report.engagement
        page.tiles = [
            PageTile(label: "Received", value: engagement.delivered.formatted(), detail: Self.routes(report.deliveries),
                     href: profile.partner.map { PageFormat.path("partners", $0) }),
            PageTile(label: "Acknowledged", value: engagement.acked.formatted(),
                     detail: "of \(PageFormat.count(engagement.delivered, "message")), median \(PageFormat.number(engagement.medianAckHours)) h"),
            PageTile(label: "Answered", value: engagement.responded.formatted(),
                     detail: "of \(PageFormat.count(engagement.delivered, "message")) (\(PageFormat.count(report.responses.count, "response"))), "
                        + (engagement.active ? "active in 14 days" : "quiet for 14 days")),
            PageTile(label: "Quiz correct", value: "\(engagement.quizCorrect)/\(engagement.quizAnswers)", detail: "all answers"),
        ]
        if let manager {
            page.tiles.append(PageTile(label: "Reports to", value: manager.name, detail: Self.role(manager.role), href: PageFormat.path("people", manager.id)))
        }
        page.blocks.append(PageBlock("Received and acknowledged", table: PageTable(
            id: "deliveries", caption: "Deliveries, newest first",
            columns: ["Message", "Version", "Hops", "Via", "Delivered", "Acknowledged"],
            rows: report.deliveries.sorted { $0.deliveredAt > $1.deliveredAt }.map { delivery in
                [PageCell(delivery.message), .number(delivery.version), .number(delivery.hops), Self.via(delivery.via, relayers: mentioned),
                 PageCell(PageFormat.minute(delivery.deliveredAt)), PageCell(PageFormat.minute(delivery.ackedAt), mark: delivery.ackedAt == nil ? "muted" : nil)]
            }, empty: "Nothing delivered yet.")))
        page.blocks.append(PageBlock("Answered", table: PageTable(
            id: "responses", caption: "Survey responses, newest first",
            columns: ["Survey", "Message", "Submitted", "Answers", "Correct"],
            rows: report.responses.sorted { $0.submittedAt > $1.submittedAt }.map { response in
                let graded = response.answers.compactMap(\.correct)
                return [PageCell(response.survey), PageCell(response.message ?? "–"), PageCell(PageFormat.minute(response.submittedAt)),
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

    /// A person the page mentions (their manager, who relayed to them) when the viewer may open that person's page
    /// (the same rule); nil otherwise.
    func visible(_ id: String, asOf: Date, viewer: DashboardViewer) async throws -> PersonReport.Profile? {
        do {
            return try await self.reports.person(id, asOf: asOf, visibleTo: viewer).person
        } catch let error as UseCaseError where error.kind == .notFound {
            return nil
        }
    }

    /// Who relayed a delivery: named and linked when the viewer may open their page; otherwise by id alone, as the
    /// intro names a manager outside the viewer's scope.
    static func via(_ id: String?, relayers: [String: PersonReport.Profile]) -> PageCell {
        guard let id else { return PageCell("direct") }
        guard let relayer = relayers[id] else { return PageCell(id) }
        return PageCell(relayer.name, href: PageFormat.path("people", relayer.id))
    }

    /// How the deliveries came: `2 directly`, `1 directly, 1 through relays (2 hops)`.
    static func routes(_ deliveries: [PersonActivity.Delivery]) -> String {
        let relayed = deliveries.filter { $0.hops > 0 }
        let direct = deliveries.count - relayed.count
        guard let fewest = relayed.map(\.hops).min(), let most = relayed.map(\.hops).max() else {
            return deliveries.isEmpty ? "nothing yet" : "\(direct.formatted()) directly"
        }
        let hops = fewest == most ? PageFormat.count(most, "hop") : "\(fewest)–\(most) hops"
        return "\(direct.formatted()) directly, \(relayed.count.formatted()) through relays (\(hops))"
    }

    /// The role in words: `partner manager`.
    static func role(_ role: Role) -> String {
        role.rawValue.replacingOccurrences(of: "_", with: " ")
    }
}

extension String {
    /// The string with its first letter upper-cased: `Partner manager`.
    fileprivate var capitalizedFirst: String { self.prefix(1).uppercased() + self.dropFirst() }
}
