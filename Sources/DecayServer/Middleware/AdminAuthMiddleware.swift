import DecayCore
import Hummingbird

/// Guards `/api/...` (and `/metrics`): `Authorization: Bearer <DECAY_ADMIN_TOKEN>`, compared in constant time.
struct AdminAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Accepted tokens; empty ones are dropped, so an unset token never matches an empty header.
    let tokens: [[UInt8]]
    /// How errors name the token, e.g. "admin token".
    let name: String

    init(token: String) {
        self.init(tokens: [token], name: "admin token")
    }

    init(tokens: [String], name: String) {
        self.tokens = tokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
        self.name = name
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
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

