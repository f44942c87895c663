import DecayCore
import DecayStore
import Hummingbird

/// `GET /health`: 200 when the database answers, with counts that show what is loaded.
struct HealthController {
    let database: AppDatabase
    let catalog: ContentCatalog

    struct Health: ResponseEncodable {
        var status: String
        var partners: Int
        var people: Int
        var messages: Int
        var surveys: Int
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health", use: self.health)
        router.head("health", use: self.head)
    }

    /// `HEAD /health`: the status and headers `GET` would give, without the body.
    @Sendable func head(request: Request, context: some RequestContext) async throws -> Response {
        var response = try await self.health(request: request, context: context).response(from: request, context: context)
        let length = response.body.contentLength
        response.body = .init()
        response.headers[.contentLength] = length.map(String.init)
        return response
    }

    @Sendable func health(request: Request, context: some RequestContext) async throws -> Health {
        let counts = try await self.database.directorySize()
        return Health(status: "ok", partners: counts.partners, people: counts.people, messages: self.catalog.messages.count, surveys: self.catalog.surveys.count)
    }
}
