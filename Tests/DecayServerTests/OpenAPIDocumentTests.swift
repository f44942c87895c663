@testable import DecayServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `GET /openapi.json` is served without auth, and documents exactly the routes the router has.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// The router `decay serve` runs, over a fresh database.
    static func makeRouter() async throws -> Router<AppRequestContext> {
        let (settings, database, catalog) = try await ServerTests.makeServiceParts()
        let metrics = ServerMetrics()
        let services = AppServices(settings: settings, database: database, catalog: catalog, logger: Logger(label: "test"), metrics: metrics)
        return buildRouter(settings: settings, services: services, metrics: metrics)
    }

    /// The routes the API registers: all of them but the dashboard's HTML pages, which the document leaves out.
    static func apiRoutes(_ router: Router<AppRequestContext>) async throws -> [String] {
        let (settings, database, catalog) = try await ServerTests.makeServiceParts()
        let services = AppServices(settings: settings, database: database, catalog: catalog, logger: Logger(label: "test"), metrics: ServerMetrics())
        let dashboard = Router(context: AppRequestContext.self)
        addDashboard(to: dashboard, settings: settings, services: services)
        let pages = Set(dashboard.routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(pages.contains("GET /partners"), "the dashboard's routes are known, so leaving them out is deliberate")
        return router.routes.map { "\($0.method.rawValue) \($0.path)" }.filter { !pages.contains($0) }
    }

    /// The document as the router serves it, without an Authorization header.
    static func servedDocument(_ router: Router<AppRequestContext>) async throws -> [String: Any] {
        let app = Application(router: router)
        let body = try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                return Data(buffer: response.body)
            }
        }
        return try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    @Test func isServedWithoutAuthAsOpenAPI31() async throws {
        let document = try await Self.servedDocument(try await Self.makeRouter())
        #expect(document["openapi"] as? String == "3.1.0")
        let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any]
        #expect(Set(schemes?.keys.map { $0 } ?? []) == ["adminToken", "metricsToken"])
    }

    @Test func documentsEveryRegisteredRouteAndNoOther() async throws {
        let router = try await Self.makeRouter()
        let document = try await Self.servedDocument(router)
        let problems = RouteCoverage.problems(registered: try await Self.apiRoutes(router), document: document)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func coverageCheckCatchesAnUndocumentedRouteAndAStaleOperation() async throws {
        let router = try await Self.makeRouter()
        let document = try await Self.servedDocument(router)
        router.get("undocumented") { _, _ in "" }
        var registered = try await Self.apiRoutes(router)
        registered.removeAll { $0 == "GET /api/outbox" }
        let problems = RouteCoverage.problems(registered: registered, document: document)
        #expect(problems.contains { $0.hasPrefix("GET /undocumented is registered") })
        #expect(problems.contains { $0.hasPrefix("GET /api/outbox is documented") })
        #expect(problems.count == 2, "\(problems)")
    }

    @Test func everyReferenceResolves() async throws {
        let document = try await Self.servedDocument(try await Self.makeRouter())
        var references: [String] = []
        RouteCoverage.collectReferences(document, into: &references)
        #expect(!references.isEmpty)
        for reference in Set(references) {
            #expect(RouteCoverage.resolve(reference, in: document) != nil, "\(reference) does not resolve")
        }
    }

    @Test func everyAdminOperationNeedsTheTokenAndSaysSo() async throws {
        let document = try await Self.servedDocument(try await Self.makeRouter())
        for operation in RouteCoverage.operations(document) where operation.path.hasPrefix("/api/") {
            #expect(operation.security == nil, "\(operation.key) overrides the admin token requirement")
            #expect(operation.responses.contains("401"), "\(operation.key) does not document its 401")
        }
    }
}

/// Compares the router's routes with the document's operations, both ways.
enum RouteCoverage {
    struct Operation {
        var method: String
        var path: String
        /// `x-planned: true`: documented ahead of the route, which must not be registered yet.
        var planned: Bool
        var security: [Any]?
        var responses: Set<String>
        var key: String { "\(self.method) \(self.path)" }
    }

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    static func operations(_ document: [String: Any]) -> [Operation] {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return paths.flatMap { path, item in
            self.methods.compactMap { method -> Operation? in
                guard let operation = item[method] as? [String: Any] else { return nil }
                return Operation(
                    method: method.uppercased(), path: path, planned: operation["x-planned"] as? Bool ?? false,
                    security: operation["security"] as? [Any], responses: Set((operation["responses"] as? [String: Any])?.keys.map { $0 } ?? [])
                )
            }
        }
    }

    /// One line per disagreement: every documented operation must be registered unless it is planned, and a planned
    /// one must not be. HEAD counts only where a route is registered for it: the router does not derive HEAD from GET.
    static func problems(registered: [String], document: [String: Any]) -> [String] {
        let registered = Set(registered)
        let operations = self.operations(document)
        let documented = Set(operations.map(\.key))
        var problems: [String] = []
        for route in registered.subtracting(documented).sorted() {
            problems.append("\(route) is registered but missing from openapi.json")
        }
        for operation in operations.sorted(by: { $0.key < $1.key }) {
            let isRegistered = registered.contains(operation.key)
            if !isRegistered, !operation.planned {
                problems.append("\(operation.key) is documented in openapi.json but no such route is registered")
            }
            if isRegistered, operation.planned {
                problems.append("\(operation.key) is registered now: drop its \"x-planned\" in openapi.json")
            }
        }
        return problems
    }

    static func collectReferences(_ value: Any, into references: inout [String]) {
        if let object = value as? [String: Any] {
            if let reference = object["$ref"] as? String { references.append(reference) }
            for child in object.values { self.collectReferences(child, into: &references) }
        } else if let array = value as? [Any] {
            for child in array { self.collectReferences(child, into: &references) }
        }
    }

    /// Resolves a local `#/a/b` reference (JSON Pointer, RFC 6901).
    static func resolve(_ reference: String, in document: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var value: Any = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = value as? [String: Any], let next = object[key] else { return nil }
            value = next
        }
        return value
    }
}
