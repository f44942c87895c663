import DecayCore
import Hummingbird

/// Guards `/api/...`: `Authorization: Bearer <DECAY_ADMIN_TOKEN>`, compared in constant time.
struct AdminAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
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

