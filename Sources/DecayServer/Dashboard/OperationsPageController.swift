import DecayApp
import DecayCore
import DecayStore
import Foundation
import Hummingbird

/// `GET /operations` (admins): outbox counts, dead posts with their reason and a retry button, rejected inbound
/// events with the field at fault and a replay button, the digest schedule, and the last 20 directory imports (kept
/// or refused). The buttons POST with the CSRF token (`/operations/outbox/{id}/retry`, `/operations/inbox/{id}/replay`)
/// and come back here.
struct OperationsPageController {
    static let listed = 50
    static let importsListed = 20
    let outbox: OutboxListing
    let inbox: InboxReplay
    let imports: DirectoryImports
    let digestSchedule: String
    let wake: @Sendable () -> Void
    let renderer: DashboardRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("operations", use: self.page)
        group.post("operations/outbox/:id/retry", use: self.retry)
        group.post("operations/inbox/:id/replay", use: self.replay)
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.dashboard
        let dead = try await self.outbox.list(status: .dead, limit: Self.listed)
        let rejected = try await self.inbox.rejected(limit: Self.listed)
        let imports = try await self.imports.recent(limit: Self.importsListed)
        var page = DashboardPage(title: "Operations", path: "/operations", intro: "Weekly digests go out \(self.digestSchedule) in each manager's own time zone (DECAY_DIGEST_AT), with last week's figures.")
        page.tiles = OutboxStatus.allCases.map { status in
            PageTile(label: "Outbox: \(status.rawValue)", value: (dead.counts[status.rawValue] ?? 0).formatted(), detail: "posts")
        }
        page.tiles.append(PageTile(label: "Rejected events", value: rejected.count.formatted(), detail: rejected.count == Self.listed ? "newest \(Self.listed) listed" : "listed below"))
        page.blocks.append(PageBlock("Dead posts", note: "Posts the outbox gave up on; retry puts one back in the queue.", table: PageTable(
            id: "dead-posts", caption: "Dead posts, newest first",
            columns: ["Post", "Kind", "Format", "Attempts", "Last status", "Reason", "Created"],
            rows: dead.items.map { post in
                [PageCell("#\(post.id)", action: .init(url: "/operations/outbox/\(post.id)/retry", label: "Retry #\(post.id)")),
                 PageCell(post.kind), PageCell(post.format), .number(post.attempts), PageCell(post.lastStatus.map { "\($0)" } ?? "–", numeric: true),
                 PageCell(post.lastError ?? "–", mark: "bad"), PageCell(PageFormat.dateTime(post.createdAt))]
            }, empty: "No dead posts."), wide: true))
        page.blocks.append(PageBlock("Rejected inbound events", note: "Fix the directory or content, then replay.", table: PageTable(
            id: "rejected-events", caption: "Rejected events, newest first",
            columns: ["Event", "Source", "Received", "Field", "What was wrong"],
            rows: rejected.map { event in
                [PageCell("#\(event.id)", action: .init(url: "/operations/inbox/\(event.id)/replay", label: "Replay #\(event.id)")),
                 PageCell(event.source), PageCell(PageFormat.dateTime(event.receivedAt)), PageCell(event.errorField ?? "–", mark: "bad"),
                 PageCell(event.errorMessage ?? event.errorCode ?? "–")]
            }, empty: "No rejected events."), wide: true))
        page.blocks.append(PageBlock("Recent imports", note: "Partner and people imports from decay import and the API, kept or refused.", table: PageTable(
            id: "imports", caption: "The last \(Self.importsListed) directory imports, newest first",
            columns: ["When", "Kind", "Source", "New", "Updated", "Refused because"],
            rows: imports.map { entry in
                [PageCell(PageFormat.dateTime(entry.at)), PageCell(entry.kind), PageCell(entry.source.rawValue), .number(entry.inserted),
                 .number(entry.updated), entry.refused.map { PageCell($0, mark: "bad") } ?? PageCell("–")]
            }, empty: "No imports yet."), wide: true))
        return try self.renderer.respond(page, request: request, session: session)
    }

    @Sendable func retry(request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await self.outbox.retry(id: try Self.id(context), now: Date())
        self.wake()
        return LoginController.redirect("/operations")
    }

    @Sendable func replay(request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await self.inbox.replay(try Self.id(context))
        return LoginController.redirect("/operations")
    }

    private static func id(_ context: AppRequestContext) throws -> Int64 {
        let text: String = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else { throw AppError.badRequest("id must be a positive whole number, got '\(text)'", field: "id") }
        return id
    }
}
