import DecayCore
import DecayDelivery
import Foundation
import DecayInbound
import DecayStore
import Hummingbird
import Logging

public typealias AppRequestContext = BasicRequestContext

/// Builds the HTTP application; the caller adds background services and runs it.
/// `metrics` is what `GET /metrics` renders; the group commit records into it too.
///
///     let app = buildApplication(settings: settings, database: database, catalog: catalog, logger: logger)
///     try await app.runService()
public func buildApplication(
    settings: ServerSettings, database: AppDatabase, catalog: ContentCatalog, logger: Logger, outbox: OutboxWorker? = nil,
    metrics: ServerMetrics = ServerMetrics()
) -> Application<RouterResponder<AppRequestContext>> {
    database.batcher.metrics = IngestMetrics(factory: metrics.factory)
    let router = buildRouter(settings: settings, database: database, catalog: catalog, outbox: outbox, metrics: metrics)
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "MessageDecay"),
        services: [BatcherService(batcher: database.batcher)],
        logger: logger
    )
}

/// All routes: `/health` is open, webhooks check their own signatures, everything under `/api` needs the admin token,
/// `/metrics` the admin or the metrics token. `outbox` is woken when a broadcast queues posts.
public func buildRouter(
    settings: ServerSettings, database: AppDatabase, catalog: ContentCatalog, outbox: OutboxWorker? = nil,
    metrics: ServerMetrics = ServerMetrics()
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: RequestMetrics(factory: metrics.factory)))
    router.add(middleware: JSONErrorMiddleware())
    HealthController(database: database, catalog: catalog).addRoutes(to: router)
    MetricsController(metrics: metrics, database: database)
        .addRoutes(to: router, tokens: [settings.adminToken, settings.metricsToken].compactMap { $0 })
    let pipeline = InboundPipeline(database: database, catalog: catalog, secrets: settings.secrets, metrics: InboundMetrics(factory: metrics.factory))
    WebhookController(pipeline: pipeline).addRoutes(to: router)
    SurveyPageController(pipeline: pipeline).addRoutes(to: router)
    let api = router.group("api").add(middleware: AdminAuthMiddleware(token: settings.adminToken))
    DirectoryController(database: database, maxBytes: settings.maxImportBytes).addRoutes(to: api)
    ContentController(catalog: catalog).addRoutes(to: api)
    ResponsesController(database: database).addRoutes(to: api)
    EngagementReportsController(database: database).addRoutes(to: api)
    LinksController(pipeline: pipeline, publicURL: settings.publicURL).addRoutes(to: api)
    MessageReportController(database: database, catalog: catalog, metrics: ReportMetrics(factory: metrics.factory)).addRoutes(to: api)
    DigestController(database: database, catalog: catalog).addRoutes(to: api)
    let publicURL = settings.publicURL
    let broadcaster = Broadcaster(
        database: database, catalog: catalog, policy: settings.destinationPolicy, canSignWebhooks: settings.canSignWebhooks,
        surveyLink: { partner, survey in pipeline.partnerSurveyLink(partner: partner.id, survey: survey.id, baseURL: publicURL, now: Date()) }
    )
    BroadcastsController(broadcaster: broadcaster, wake: { outbox?.wake() }).addRoutes(to: api)
    OutboxController(database: database).addRoutes(to: api)
    return router
}
