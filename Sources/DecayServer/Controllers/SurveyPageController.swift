import DecayApp
import DecayInbound
import Foundation
import HTTPTypes
import Hummingbird

/// `GET|POST /s/{token}`: the quick-survey page, signed per person and survey, no JavaScript.
struct SurveyPageController {
    let pipeline: InboundPipeline

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("s/:token", use: self.show)
        router.post("s/:token", use: self.submit)
        router.get("s/p/:token", use: self.pick)
    }

    @Sendable func pick(request: Request, context: some RequestContext) async throws -> Response {
        Self.html(try await self.pipeline.partnerSurveyPage(token: try context.parameters.require("token"), now: Date()))
    }

    @Sendable func show(request: Request, context: some RequestContext) async throws -> Response {
        Self.html(try await self.pipeline.surveyPage(token: try context.parameters.require("token"), now: Date()))
    }

    @Sendable func submit(request: Request, context: some RequestContext) async throws -> Response {
        let body = try await WebhookController.readBody(request)
        return Self.html(try await self.pipeline.submitSurveyPage(token: try context.parameters.require("token"), body: body, now: Date()))
    }

    static func html(_ page: PageResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = QuickSurveyPage.contentSecurityPolicy
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return Response(status: HTTPResponse.Status(code: page.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }
}
