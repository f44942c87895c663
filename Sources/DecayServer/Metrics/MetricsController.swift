import Hummingbird

/// `GET /metrics`: the registry in the Prometheus text format, for the admin token or `DECAY_METRICS_TOKEN`.
struct MetricsController {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let metrics: ServerMetrics

    /// `tokens`: the admin token and the metrics token when one is set.
    func addRoutes(to router: Router<AppRequestContext>, tokens: [String]) {
        router.group("metrics")
            .add(middleware: AdminAuthMiddleware(tokens: tokens, name: "admin or metrics token"))
            .get(use: self.scrape)
    }

    @Sendable func scrape(request: Request, context: some RequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = Self.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: self.metrics.render())))
    }
}
