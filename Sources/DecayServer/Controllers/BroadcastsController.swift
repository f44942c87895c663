import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `POST /api/broadcasts` `{"message": ID, "survey"?: ID, "audience"?: "category:msp,tier:gold", "dry_run"?: bool}`:
/// records deliveries and queues the posts (201), or shows what would happen (200 with `dry_run`).
struct BroadcastsController {
    let broadcasts: Broadcasts
    /// Nudges the outbox worker so queued posts go out at once rather than at its next poll.
    let wake: @Sendable () -> Void

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("broadcasts", use: self.create)
    }

    @Sendable func create(request: Request, context: some RequestContext) async throws -> Response {
        let bytes = try await request.body.collect(upTo: 64 << 10)
        let body: Body
        do {
            body = try JSONStyle.decoder.decode(Body.self, from: Data(buffer: bytes))
        } catch let DecodingError.typeMismatch(type, context) {
            let field = context.codingPath.last.map { JSONStyle.key($0.stringValue) }
            throw AppError.badRequest("\(field ?? "body") must be a \(type == Bool.self ? "boolean" : "string")", field: field)
        } catch {
            throw AppError.badRequest("the body must be a JSON object like {\"message\": \"vault-3-launch\"}")
        }
        guard let message = body.message else { throw AppError.badRequest("message is required", field: "message") }
        let survey = body.survey
        let audience = body.audience
        let dryRun = body.dryRun ?? false
        let plan = try await self.broadcasts.broadcast(message: message, survey: survey, audience: audience, dryRun: dryRun, now: Date())
        if !dryRun { self.wake() }
        return try JSONBody(value: plan, status: dryRun ? .ok : .created).response(from: request, context: context)
    }

    struct Body: Decodable {
        var message: String?
        var survey: String?
        var audience: String?
        var dryRun: Bool?
    }
}
