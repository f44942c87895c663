import DecayStore
import Hummingbird

/// `GET /api/responses?person=ID&survey=ID`: stored responses with their grading, newest first.
struct ResponsesController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("responses", use: self.list)
    }

    @Sendable func list(request: Request, context: some RequestContext) async throws -> JSONList<StoredResponse> {
        let query = request.uri.queryParameters
        var limit = 500
        if let text = query.get("limit") {
            guard let value = Int(text), (1...5000).contains(value) else {
                throw AppError.badRequest("limit must be a whole number from 1 to 5000", field: "limit")
            }
            limit = value
        }
        return JSONList(items: try await self.database.responses(person: query.get("person"), survey: query.get("survey"), limit: limit))
    }
}
