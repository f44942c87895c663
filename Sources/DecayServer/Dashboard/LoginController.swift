import DecayApp
import DecayCore
import DecayInbound
import Foundation
import Hummingbird

/// `GET|POST /login` (the admin token in form field `token`), `GET|POST /login/link` (a manager's signed link from
/// their digest), `POST /logout`, and the stylesheet. A session is created server-side (8 h); the sign-in form's own
/// CSRF token is a double-submit cookie, since there is no session yet to hold it. Also the stylesheet and the script.
struct LoginController {
    static let loginCookie = "decay_login_csrf"
    let access: DashboardAccess
    let renderer: DashboardRenderer
    let limiter: SignInLimiter
    /// Whether cookies get `Secure` (the public URL is https).
    let secureCookies: Bool

    func addOpenRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("login", use: self.form)
        group.post("login", use: self.signIn)
        group.get("login/link", use: self.linkForm)
        group.post("login/link", use: self.link)
        group.get(RouterPath(DashboardStyle.path), use: self.stylesheet)
        group.get(RouterPath(DashboardScript.path), use: self.script)
    }

    func addSignedInRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("logout", use: self.signOut)
    }

    @Sendable func form(request: Request, context: AppRequestContext) async throws -> Response {
        if context.sessions.session != nil { return Self.redirect("/") }
        return self.formResponse(problem: nil, status: .ok)
    }

    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> Response {
        let address = context.remoteAddress ?? "unknown"
        let now = Date()
        guard await self.limiter.reserve(address, now: now) else {
            var response = self.formResponse(problem: "Too many failed sign-ins from your address; wait a minute and try again.", status: .tooManyRequests)
            response.headers[.retryAfter] = "60"
            return response
        }
        var request = request
        let form = FormURLEncoded.decode(Array(buffer: try await request.collectBody(upTo: DashboardGate.maxFormBytes)))
        let field = { (name: String) in form.first(where: { $0.0 == name })?.1 }
        guard let cookie = request.cookies[Self.loginCookie]?.value, let given = field("csrf"), !given.isEmpty,
              ConstantTime.equals(Array(String(cookie).utf8), Array(given.utf8)) else {
            await self.limiter.forgive(address, now: now)
            return self.formResponse(problem: "csrf: the sign-in form expired; it has been reloaded, please try again.", status: .forbidden)
        }
        guard let token = field("token"), self.access.isAdminToken(token) else {
            return self.formResponse(problem: "token: that is not the admin token.", status: .unauthorized)
        }
        await self.limiter.forgive(address, now: now)
        context.sessions.createSession(DashboardSession(viewer: .admin), expiresIn: DashboardSession.lifetime)
        return Self.redirect("/")
    }

    /// `GET /login/link?token=`: asks before signing in (a GET that signed in would let any page sign a browser into
    /// the link's session); the token is checked when the form is posted.
    @Sendable func linkForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard let token = request.uri.queryParameters.get("token"), !token.isEmpty else {
            throw AppError.badRequest("the link has no token; open the whole link from your digest", field: "token")
        }
        return self.linkResponse(token: String(token), problem: nil, status: .ok)
    }

    /// `POST /login/link` with the link's `token` and the form's `csrf`.
    @Sendable func link(request: Request, context: AppRequestContext) async throws -> Response {
        let address = context.remoteAddress ?? "unknown"
        let now = Date()
        guard await self.limiter.reserve(address, now: now) else {
            throw AppError(.tooManyRequests, code: "too_many_requests", message: "too many failed sign-ins; wait a minute")
        }
        var request = request
        let form = FormURLEncoded.decode(Array(buffer: try await request.collectBody(upTo: DashboardGate.maxFormBytes)))
        let field = { (name: String) in form.first(where: { $0.0 == name })?.1 }
        guard let token = field("token"), !token.isEmpty else {
            await self.limiter.forgive(address, now: now)
            throw AppError.badRequest("the link has no token; open the whole link from your digest", field: "token")
        }
        guard let cookie = request.cookies[Self.loginCookie]?.value, let given = field("csrf"), !given.isEmpty,
              ConstantTime.equals(Array(String(cookie).utf8), Array(given.utf8)) else {
            await self.limiter.forgive(address, now: now)
            return self.linkResponse(token: token, problem: "csrf: the form expired; it has been reloaded, please try again.", status: .forbidden)
        }
        let viewer = try await self.access.open(link: token, now: now)
        await self.limiter.forgive(address, now: now)
        context.sessions.createSession(DashboardSession(viewer: viewer), expiresIn: DashboardSession.lifetime)
        return Self.redirect("/")
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return Self.redirect("/login")
    }

    @Sendable func stylesheet(request: Request, context: AppRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: DashboardStyle.css)))
    }

    @Sendable func script(request: Request, context: AppRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/javascript; charset=utf-8"
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: DashboardScript.javascript)))
    }

    /// The link's confirmation with a fresh double-submit token, as the sign-in form has.
    private func linkResponse(token: String, problem: String?, status: HTTPResponse.Status) -> Response {
        let csrf = DashboardSession.randomToken()
        var response = self.renderer.link(token: token, problem: problem, loginCSRF: csrf, status: status)
        response.setCookie(Cookie(name: Self.loginCookie, value: csrf, path: "/login", secure: self.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// The form with a fresh double-submit token in a strict, HttpOnly cookie scoped to `/login`.
    private func formResponse(problem: String?, status: HTTPResponse.Status) -> Response {
        let token = DashboardSession.randomToken()
        var response = self.renderer.login(problem: problem, loginCSRF: token, status: status)
        response.setCookie(Cookie(name: Self.loginCookie, value: token, path: "/login", secure: self.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
