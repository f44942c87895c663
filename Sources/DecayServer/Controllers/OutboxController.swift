import DecayApp
import DecayStore
import Foundation
import Hummingbird

/// `GET /api/outbox[?status=pending|delivered|dead&limit=N]`: counts per status and the newest posts.
struct OutboxController {
    let listing: OutboxListing

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("outbox", use: self.list)
    }

    @Sendable func list(request: Request, context: some RequestContext) async throws -> JSONBody<OutboxPage> {
        let query = request.uri.queryParameters
        var status: OutboxStatus?
        if let text = query.get("status") {
            guard let value = OutboxStatus(rawValue: text) else {
                throw AppError.badRequest("status must be pending, delivered or dead", field: "status")
            }
            status = value
        }
        let limit = try InputRules.count(query.get("limit"), field: "limit", in: OutboxListing.limits, default: 100)
        return JSONBody(value: try await self.listing.list(status: status, limit: limit))
    }
}
