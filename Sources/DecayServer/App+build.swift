import DecayApp
import DecayCore
import DecayDelivery
import DecayInbound
import DecayStore
import Foundation
import Hummingbird
import Logging

/// The whole service `decay serve` runs: HTTP, the write batcher, the outbox worker, the digest scheduler and the
/// raw-body retention pass, with the content synced (and the demo seeded when asked) before the server starts.
///
///     let app = buildApplication(settings: settings, database: database, catalog: catalog, logger: logger)
///     try await app.runService()
public func buildApplication(
    settings: ServerSettings, database: AppDatabase, catalog: ContentCatalog, logger: Logger, metrics: ServerMetrics = ServerMetrics()
) -> some ApplicationProtocol {
    let services = AppServices(settings: settings, database: database, catalog: catalog, logger: logger, metrics: metrics)
    var app = Application(
        router: buildRouter(settings: settings, services: services, metrics: metrics),
        server: .http1(configuration: .init(idleTimeout: .seconds(settings.idleTimeoutSeconds))),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "MessageDecay"),
        logger: logger
    )
    app.addServices(BatcherService(batcher: database.batcher), services.outbox, services.digestScheduler, services.retention)
    if let scheduler = services.recheckScheduler { app.addServices(scheduler) }
    if settings.warmReports {
        app.addServices(ReportWarmer(overview: services.overview, recall: services.partnerRecall, pulse: services.pulseReports, gate: services.started, logger: logger))
    }
    app.beforeServerStarts {
        try await services.contentSync.run()
        if settings.seedDemo, let channel = try await services.demo.seedIfEmpty(1, asOf: UTCDay.today()) {
            logger.info("Seeded the demo channel", metadata: ["partners": "\(channel.partners.count)", "people": "\(channel.people.count)"])
        }
        services.started.open()
    }
    return app
}

/// All routes: `/health` and `/openapi.json` are open, the dashboard at `/` has its own sign-in, webhooks and survey pages check their own signatures, everything
/// under `/api` needs the admin token (unknown `/api` paths too, so they reveal nothing without it), `/metrics` the
/// admin or the metrics token.
func buildRouter(settings: ServerSettings, services: AppServices, metrics: ServerMetrics) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: RequestMetrics(factory: metrics.factory)))
    router.add(middleware: JSONErrorMiddleware())
    router.add(middleware: PathShapeMiddleware())
    router.add(middleware: AdminAuthMiddleware(tokens: [settings.adminToken], pathPrefix: "/api"))
    router.add(middleware: AdminAuthMiddleware(
        tokens: [settings.adminToken, settings.metricsToken].compactMap { $0 }, name: "admin or metrics token", pathPrefix: "/metrics"))
    router.add(middleware: ControlCharacterMiddleware())
    HealthController(database: services.database, catalog: services.catalog).addRoutes(to: router)
    MetricsController(metrics: metrics, database: services.database).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    WebhookController(pipeline: services.pipeline).addRoutes(to: router)
    SurveyPageController(pipeline: services.pipeline).addRoutes(to: router)
    let api = router.group("api")
    DirectoryController(store: services.database, imports: services.imports, erasure: services.erasure, maxBytes: settings.maxImportBytes)
        .addRoutes(to: api)
    ContentController(catalog: services.catalog).addRoutes(to: api)
    ResponsesController(database: services.database).addRoutes(to: api)
    EngagementReportsController(reports: services.engagementReports).addRoutes(to: api)
    PulseReportController(reports: services.pulseReports).addRoutes(to: api)
    LinksController(links: services.links).addRoutes(to: api)
    MessageReportController(reports: services.messageReports).addRoutes(to: api)
    DigestController(digests: services.digests).addRoutes(to: api)
    BroadcastsController(broadcasts: services.broadcasts, wake: { services.outbox.wake() }).addRoutes(to: api)
    OutboxController(listing: services.outboxListing).addRoutes(to: api)
    addDashboard(to: router, settings: settings, services: services)
    return router
}
