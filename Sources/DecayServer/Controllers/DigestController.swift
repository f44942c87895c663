import DecayApp
import DecayCore
import Foundation
import Hummingbird

/// `GET /api/digests/preview?manager=ID[&week=2026-W47][&format=slack][&resamples=200]`: the exact chat payload a
/// manager's weekly digest would post, as `decay digest --preview` prints it.
struct DigestController {
    let digests: Digests

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("digests/preview", use: self.preview)
    }

    @Sendable func preview(request: Request, context: some RequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let manager = query.get("manager"), !manager.isEmpty else {
            throw AppError.badRequest("manager is required: the id of a channel manager or partner manager", field: "manager")
        }
        let resamples = try InputRules.count(query.get("resamples"), field: "resamples", in: InputRules.resamples, default: InputRules.defaultResamples)
        let preview = try await self.digests.preview(
            manager: manager, week: try InputRules.week(query.get("week")), format: try InputRules.format(query.get("format")),
            resamples: resamples, now: Date())
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: preview.payload.body)))
    }
}
