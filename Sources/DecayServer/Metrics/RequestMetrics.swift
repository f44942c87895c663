import HTTPTypes
import Metrics
import Synchronization

/// Requests by route template, method and status. Counters are cached per series, so counting a request is one
/// short lock, one lookup and an atomic increment. Labels are bounded: routes are the router's templates (or
/// `unmatched`), methods outside the standard set count as `OTHER`.
final class RequestMetrics: Sendable {
    /// Counter labelled `route`, `method` and `status`.
    static let requests = "decay_http_requests_total"
    /// The route label of a request that matched no route.
    static let unmatched = "unmatched"
    private static let methods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .delete, .patch, .options]
    private static let otherMethod = HTTPRequest.Method("OTHER")!

    private struct Key: Hashable {
        var route: String
        var method: HTTPRequest.Method
        var status: Int
    }

    private let factory: any MetricsFactory
    private let counters = Mutex<[Key: Counter]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// `route` is the matched template (`context.endpointPath`); nil or Hummingbird's "NotFound" means no route matched.
    func count(route: String?, method: HTTPRequest.Method, status: Int) {
        let route = route.flatMap { $0 == "NotFound" ? nil : $0 } ?? Self.unmatched
        let key = Key(route: route, method: Self.methods.contains(method) ? method : Self.otherMethod, status: status)
        let counter = self.counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let dimensions = [("route", key.route), ("method", key.method.rawValue), ("status", String(status))]
            let counter = Counter(label: Self.requests, dimensions: dimensions, factory: self.factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
    }
}
