import DecayApp
import DecayCore
import DecayDelivery
import DecayInbound
import DecayStore
import Logging

/// The use cases and background services of one running service, built once from its settings.
struct AppServices: Sendable {
    let database: AppDatabase
    let catalog: ContentCatalog
    let pipeline: InboundPipeline
    let links: SurveyLinks
    let imports: DirectoryImports
    let erasure: PersonErasure
    let messageReports: MessageReports
    let engagementReports: EngagementReports
    let pulseReports: PulseReports
    let digests: Digests
    let broadcasts: Broadcasts
    let outboxListing: OutboxListing
    let inbox: InboxReplay
    let overview: DashboardOverview
    let partnerRecall: PartnerKeyPointRecall
    let dashboardAccess: DashboardAccess
    let contentSync: ContentSync
    let demo: DemoSeeding
    let outbox: OutboxWorker
    let digestScheduler: DigestScheduler
    let retention: RawBodyRetention
    let rechecks: Rechecks
    let recheckScheduler: RecheckScheduler?
    /// Opened after content sync and demo seeding, before the server takes requests.
    let started = StartGate()

    /// Every emitter records into `metrics`, which `GET /metrics` renders.
    init(settings: ServerSettings, database: AppDatabase, catalog: ContentCatalog, logger: Logger, metrics: ServerMetrics) {
        self.database = database
        self.catalog = catalog
        database.batcher.metrics = IngestMetrics(factory: metrics.factory)
        let reportMetrics = ReportMetrics(factory: metrics.factory)
        self.pipeline = InboundPipeline(
            database: database, catalog: catalog, secrets: settings.secrets, metrics: InboundMetrics(factory: metrics.factory))
        self.links = SurveyLinks(store: database, catalog: catalog, pipeline: self.pipeline, baseURL: settings.publicURL)
        self.imports = DirectoryImports(store: database)
        self.erasure = PersonErasure(store: database)
        self.messageReports = MessageReports(store: database, catalog: catalog, metrics: reportMetrics)
        self.engagementReports = EngagementReports(store: database, targets: settings.targets)
        self.pulseReports = PulseReports(store: database, catalog: catalog)
        self.dashboardAccess = DashboardAccess(
            store: database, signer: settings.secrets.links, adminToken: settings.adminToken, baseURL: settings.publicURL)
        self.digests = Digests(
            store: database, catalog: catalog, targets: settings.targets, metrics: reportMetrics, dashboard: self.dashboardAccess,
            pulse: self.pulseReports)
        self.broadcasts = Broadcasts(
            store: database, catalog: catalog, policy: settings.destinationPolicy, canSignWebhooks: settings.canSignWebhooks, links: self.links)
        self.outboxListing = OutboxListing(store: database)
        self.inbox = InboxReplay(pipeline: self.pipeline)
        self.overview = DashboardOverview(
            engagement: self.engagementReports, messages: self.messageReports, outbox: self.outboxListing, inbox: self.inbox,
            rechecks: OverviewRechecks(store: database))
        self.partnerRecall = PartnerKeyPointRecall(messages: self.messageReports, engagement: self.engagementReports)
        self.contentSync = ContentSync(store: database, catalog: catalog)
        self.demo = DemoSeeding(store: database, catalog: catalog)
        self.outbox = OutboxWorker(
            database: database, configuration: settings.delivery, logger: logger, metrics: DeliveryMetrics(factory: metrics.factory))
        self.digestScheduler = DigestScheduler(
            store: database, schedule: settings.digestSchedule, composer: StoreDigestComposer(digests: self.digests),
            policy: settings.destinationPolicy, outbox: self.outbox, logger: logger, metrics: DigestMetrics(factory: metrics.factory))
        self.rechecks = Rechecks(
            store: database, catalog: catalog, policy: settings.destinationPolicy, canSignWebhooks: settings.canSignWebhooks, links: self.links,
            settings: settings.rechecks ?? .standard)
        let rechecks = self.rechecks
        let outbox = self.outbox
        let started = self.started
        self.recheckScheduler = settings.rechecks.map { _ in RecheckScheduler(rechecks: rechecks, outbox: outbox, logger: logger, gate: started) }
        self.retention = RawBodyRetention(store: database, days: settings.rawRetentionDays, logger: logger)
    }
}
