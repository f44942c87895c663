import DecayApp
import DecayCore
import DecayInbound
import DecayStore
import Foundation
import Hummingbird

/// `POST /webhooks/...`: each verifies its own signature on the raw body, then hands it to the pipeline.
/// A 2xx is sent only after the request and its effects are committed.
struct WebhookController {
    let pipeline: InboundPipeline

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("webhooks/events", use: self.events)
        router.post("webhooks/slack", use: self.slack)
        router.post("webhooks/typeform", use: self.typeform)
    }

    /// Slack needs an answer within 3 seconds; ingest takes one group commit. Other interaction types get a plain 200.
    @Sendable func slack(request: Request, context: some RequestContext) async throws -> Response {
        let body = try await Self.readBody(request)
        return try await self.respond(.slack, request, context) {
            try await self.pipeline.receiveSlack(headers: Self.headers(request), body: body, now: Date())
        }
    }

    @Sendable func typeform(request: Request, context: some RequestContext) async throws -> Response {
        let body = try await Self.readBody(request)
        return try await self.respond(.typeform, request, context) {
            try await self.pipeline.receiveTypeform(headers: Self.headers(request), body: body, now: Date())
        }
    }

    @Sendable func events(request: Request, context: some RequestContext) async throws -> Response {
        let body = try await Self.readBody(request)
        return try await self.respond(.events, request, context) {
            try await self.pipeline.receiveEvent(headers: Self.headers(request), body: body, now: Date())
        }
    }

    /// Reads the raw body, refusing anything over the inbound limit with 413 before reading it all.
    static func readBody(_ request: Request) async throws -> [UInt8] {
        let limit = InboundPipeline.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw AppError(.contentTooLarge, code: "payload_too_large", message: "body is \(length) bytes; the limit is \(limit)")
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            throw AppError(.contentTooLarge, code: "payload_too_large", message: "body is larger than the limit of \(limit) bytes")
        }
    }

    static func headers(_ request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        return headers
    }

    /// Maps the pipeline's answer to HTTP: accepted and duplicates 200, rejected 422 (kept for replay), errors by kind,
    /// and a plain 200 when the source sent something MessageDecay deliberately ignores. Counts the outcome by `source`.
    func respond(
        _ source: InboundMetrics.Source, _ request: Request, _ context: some RequestContext, _ body: () async throws -> IngestOutcome?
    ) async throws -> Response {
        do {
            guard let outcome = try await body() else { return Response(status: .ok) }
            self.pipeline.metrics.count(source, outcome)
            if outcome.status == .rejected, let error = outcome.error {
                throw AppError(
                    .unprocessableContent, code: error.kind.rawValue,
                    message: "\(error.message) (kept as inbound event \(outcome.inboundID); fix the cause, then `decay inbox replay \(outcome.inboundID)`)",
                    field: error.field
                )
            }
            return try context.responseEncoder.encode(outcome, from: request, context: context)
        } catch let error as InboundError {
            self.pipeline.metrics.count(source, .invalid)
            throw AppError(HTTPResponse.Status(code: error.kind.status), code: error.kind.rawValue, message: error.message, field: error.field)
        } catch let error as SourceNotConfigured {
            self.pipeline.metrics.count(source, .invalid)
            throw AppError(.serviceUnavailable, code: "not_configured", message: error.message)
        }
    }
}
