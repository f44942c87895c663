import DecayCore
import Hummingbird

/// Guards every path under `pathPrefix` (routes and unknown paths alike): `Authorization: Bearer <token>` with one of
/// the accepted tokens, compared in constant time. `/api` takes the admin token; `/metrics` the admin or metrics token.
struct AdminAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Accepted tokens; empty ones are dropped, so an unset token never matches an empty header.
    let tokens: [[UInt8]]
    /// How errors name the token, e.g. "admin token".
    let name: String
    let pathPrefix: String

    init(tokens: [String], name: String = "admin token", pathPrefix: String) {
        self.tokens = tokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
        self.name = name
        self.pathPrefix = pathPrefix
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == self.pathPrefix || path.hasPrefix(self.pathPrefix + "/") else { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw AppError(.unauthorized, code: "unauthorized", message: "missing 'Authorization: Bearer <\(self.name)>' header", field: "Authorization")
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), self.accepts(Array(header.dropFirst(prefix.count).utf8)) else {
            throw AppError(.unauthorized, code: "unauthorized", message: "the \(self.name) is not valid", field: "Authorization")
        }
        return try await next(request, context)
    }

    /// Compares with every token, so the time taken does not tell which one nearly matched.
    private func accepts(_ given: [UInt8]) -> Bool {
        var accepted = false
        for token in self.tokens where ConstantTime.equals(given, token) {
            accepted = true
        }
        return accepted
    }
}
