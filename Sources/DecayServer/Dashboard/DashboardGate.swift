import DecayApp
import DecayCore
import DecayInbound
import Hummingbird

/// In front of every signed-in dashboard route: no session sends a browser to the sign-in form; a scoped manager
/// cannot open admin-only pages; every POST must carry the session's CSRF token in its form.
struct DashboardGate: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Largest form accepted on a dashboard POST.
    static let maxFormBytes = 64 * 1024
    /// Path prefixes only an admin may open (operations, free-text answers, message relays).
    let adminOnly: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let session = context.sessions.session else {
            if request.method == .get || request.method == .head {
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            throw AppError(.forbidden, code: "forbidden", message: "sign in first", field: "session")
        }
        let path = request.uri.path
        if !session.viewer.isAdmin, self.adminOnly.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            throw AppError(.forbidden, code: "forbidden", message: "this page is for admins; your sign-in link opens your own partners and reps")
        }
        var request = request
        if request.method == .post {
            let body = try await request.collectBody(upTo: Self.maxFormBytes)
            let form = FormURLEncoded.decode(Array(buffer: body))
            guard let given = form.first(where: { $0.0 == "csrf" })?.1, ConstantTime.equals(Array(given.utf8), Array(session.csrf.utf8)) else {
                throw AppError(.forbidden, code: "forbidden", message: "the form's CSRF token is missing or stale; reload the page and try again", field: "csrf")
            }
        }
        return try await next(request, context)
    }
}

/// Dashboard errors as an HTML page with the layout (status kept), instead of the API's JSON shape.
struct DashboardErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: DashboardRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AppError {
            return self.renderer.error(error.status, Self.text(error.message, field: error.field), session: context.sessions.session)
        } catch let error as UseCaseError {
            let error = AppError(error)
            return self.renderer.error(error.status, Self.text(error.message, field: error.field), session: context.sessions.session)
        } catch let error as HTTPError {
            return self.renderer.error(error.status, error.body ?? error.status.reasonPhrase, session: context.sessions.session)
        }
    }

    static func text(_ message: String, field: String?) -> String {
        field.map { "\($0): \(message)" } ?? message
    }
}
