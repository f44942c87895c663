import DecayCore
import Hummingbird

/// Guards every path under `pathPrefix` (routes and unknown paths alike): `Authorization: Bearer <DECAY_ADMIN_TOKEN>`,
/// compared in constant time.
struct AdminAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    let pathPrefix: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == self.pathPrefix || path.hasPrefix(self.pathPrefix + "/") else { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw AppError(.unauthorized, code: "unauthorized", message: "missing 'Authorization: Bearer <admin token>' header", field: "Authorization")
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix),
            ConstantTime.equals(Array(header.dropFirst(prefix.count).utf8), Array(self.token.utf8))
        else {
            throw AppError(.unauthorized, code: "unauthorized", message: "the admin token is not valid", field: "Authorization")
        }
        return try await next(request, context)
    }
}
