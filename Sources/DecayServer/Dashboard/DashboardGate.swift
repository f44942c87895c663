import DecayApp
import DecayCore
import DecayInbound
import Foundation
import Hummingbird

/// In front of every signed-in dashboard route: no session sends a browser to the sign-in form; a manager's scope is
/// read again from the directory once a minute (a manager who left ends their session; one who lost partners loses
/// them); a scoped manager cannot open admin-only pages; every POST must carry the session's CSRF token in its form.
struct DashboardGate: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Largest form accepted on a dashboard POST.
    static let maxFormBytes = 64 * 1024
    let access: DashboardAccess
    /// Path prefixes only an admin may open (operations, free-text answers, message relays).
    let adminOnly: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard var session = context.sessions.session else {
            return try Self.signInFirst(request)
        }
        let now = Date()
        if session.scopeIsDue(now: now), let manager = session.viewer.manager {
            guard let viewer = try await self.currentScope(manager: manager) else {
                context.sessions.clearSession()
                context.logger.info("dashboard session ended: the manager's scope is gone", metadata: ["manager": .string(manager)])
                return try Self.signInFirst(request)
            }
            session.viewer = viewer
            session.scopeCheckedAt = now
            _ = context.sessions.updateSession(session)
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

    /// The manager's scope now, or nil when they are no longer in the directory or no longer manage anyone.
    private func currentScope(manager: String) async throws -> DashboardViewer? {
        do {
            return try await self.access.viewer(manager: manager)
        } catch let error as UseCaseError where error.kind == .unprocessable {
            return nil
        }
    }

    /// A page sends the browser to the sign-in form; anything else is refused.
    private static func signInFirst(_ request: Request) throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw AppError(.forbidden, code: "forbidden", message: "sign in first", field: "session")
        }
        return Response(status: .seeOther, headers: [.location: "/login"])
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
