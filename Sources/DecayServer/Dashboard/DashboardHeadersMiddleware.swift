import HTTPTypes
import Hummingbird

/// Security headers on every dashboard answer: a strict CSP (scripts and styles only from this origin, never inline;
/// no framing), no MIME sniffing, no referrer leaving the site, and no caching of pages that show channel data.
struct DashboardHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
