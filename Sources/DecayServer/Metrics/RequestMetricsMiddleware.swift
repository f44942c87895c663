import Hummingbird

/// Counts every request once it is answered, by the route it matched (never the raw path, whose ids would each make
/// a series), method and status; a thrown error counts with the status it is answered with. Add it first, so it sees
/// every route and the final status.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            self.metrics.count(route: context.endpointPath, method: request.method, status: response.status.code)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            self.metrics.count(route: context.endpointPath, method: request.method, status: status.code)
            throw error
        }
    }
}
