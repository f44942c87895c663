import Foundation
import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 document of the whole HTTP API, open to everyone.
///
/// The document is `openapi.json` beside this file, shipped as a resource and served byte for byte. Edit it with
/// the routes: `OpenAPIDocumentTests` fail when a registered route is missing from it or it names one that is not
/// registered, and `scripts/api-fuzz` checks the real responses against its schemas.
struct OpenAPIController {
    /// The document, read from the module's resources once.
    static let document: ByteBuffer = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            fatalError("openapi.json is missing from the DecayServer resources")
        }
        return ByteBuffer(bytes: data)
    }()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("openapi.json", use: self.show)
    }

    @Sendable func show(request: Request, context: some RequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.document))
    }
}
