import DecayApp
import Hummingbird
import HummingbirdAuth

/// The dashboard at `/`: HTML pages behind a server-side session (hummingbird-auth's `SessionMiddleware` on the
/// `dashboard_session` table), with security headers on every answer. `/login`, the sign-in link and the stylesheet
/// are open; every other page goes through ``DashboardGate``.
func addDashboard(to router: Router<AppRequestContext>, settings: ServerSettings, services: AppServices) {
    let renderer = DashboardRenderer()
    let cookie = SessionCookieParameters(
        name: "decay_session", path: "/", secure: settings.publicURL.lowercased().hasPrefix("https://"), sameSite: .strict)
    let sessions = SessionMiddleware<AppRequestContext>(
        storage: SessionPersistDriver(store: services.database),
        configuration: .init(sessionCookieParameters: cookie, defaultSessionExpiration: DashboardSession.lifetime))
    let dashboard = router.group()
        .add(middleware: DashboardHeadersMiddleware())
        .add(middleware: sessions)
        .add(middleware: DashboardErrorMiddleware(renderer: renderer))
    let login = LoginController(
        access: services.dashboardAccess, renderer: renderer, limiter: SignInLimiter(), secureCookies: cookie.secure)
    login.addOpenRoutes(to: dashboard)
    let pages = dashboard.group().add(middleware: DashboardGate(access: services.dashboardAccess, adminOnly: ["/messages", "/pulse", "/operations"]))
    login.addSignedInRoutes(to: pages)
    OverviewPageController(overview: services.overview, renderer: renderer).addRoutes(to: pages)
    PartnersPageController(recall: services.partnerRecall, reports: services.engagementReports, renderer: renderer).addRoutes(to: pages)
    PersonPageController(reports: services.engagementReports, renderer: renderer).addRoutes(to: pages)
    MessagePageController(reports: services.messageReports, renderer: renderer).addRoutes(to: pages)
    PulsePageController(reports: services.pulseReports, renderer: renderer).addRoutes(to: pages)
    OperationsPageController(
        outbox: services.outboxListing, inbox: services.inbox, imports: services.imports, digestSchedule: settings.digestSchedule.spelledOut,
        wake: { services.outbox.wake() }, renderer: renderer
    ).addRoutes(to: pages)
}
