import DecayDelivery
import DecayStore
import Hummingbird

/// `GET /api/outbox[?status=pending|delivered|dead&limit=N]`: counts per status and the newest posts.
struct OutboxController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("outbox", use: self.list)
    }

    struct Listing: Encodable, Sendable {
        var counts: [String: Int]
        var items: [OutboxPostSummary]
    }

    @Sendable func list(request: Request, context: some RequestContext) async throws -> JSONBody<Listing> {
        let query = request.uri.queryParameters
        var status: OutboxStatus?
        if let text = query.get("status") {
            guard let value = OutboxStatus(rawValue: text) else {
                throw AppError.badRequest("status must be pending, delivered or dead", field: "status")
            }
            status = value
        }
        var limit = 100
        if let text = query.get("limit") {
            guard let value = Int(text), (1...1000).contains(value) else {
                throw AppError.badRequest("limit must be a whole number from 1 to 1000", field: "limit")
            }
            limit = value
        }
        let counts = try await self.database.outboxCounts()
        let items = try await self.database.outbox(status: status, limit: limit).map(OutboxPostSummary.init)
        return JSONBody(value: Listing(counts: Dictionary(uniqueKeysWithValues: OutboxStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) }), items: items))
    }
}
