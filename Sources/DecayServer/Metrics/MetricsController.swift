import DecayDelivery
import DecayStore
import Foundation
import Hummingbird

/// `GET /metrics`: the registry in the Prometheus text format, for the admin token or `DECAY_METRICS_TOKEN`.
/// The outbox gauges are read from the database first, so they are as fresh as the scrape.
struct MetricsController {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let metrics: ServerMetrics
    let outbox: OutboxGauges
    let database: AppDatabase

    init(metrics: ServerMetrics, database: AppDatabase) {
        self.metrics = metrics
        self.outbox = OutboxGauges(factory: metrics.factory)
        self.database = database
    }

    /// The token check is the router's `AdminAuthMiddleware` for `/metrics`.
    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("metrics", use: self.scrape)
    }

    @Sendable func scrape(request: Request, context: some RequestContext) async throws -> Response {
        do {
            try await self.outbox.refresh(from: self.database, now: Date())
        } catch {
            context.logger.error("could not read the outbox; its gauges keep their last values", metadata: ["error": "\(error)"])
        }
        var headers = HTTPFields()
        headers[.contentType] = Self.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: self.metrics.render())))
    }
}
