import DecayCore
import DecayStore
import Foundation

/// Every inbound source goes through here: verify the signature on the raw body, decode, then store the raw
/// request and its effects in one transaction before the caller may answer 2xx.
public struct InboundPipeline: Sendable {
    /// Bodies above this are refused with 413 before they are read further.
    public static let maxBodyBytes = 256 * 1024

    public let database: AppDatabase
    public let catalog: ContentCatalog
    public let secrets: InboundSecrets

    public init(database: AppDatabase, catalog: ContentCatalog, secrets: InboundSecrets) {
        self.database = database
        self.catalog = catalog
        self.secrets = secrets
    }

    /// `POST /webhooks/events` (Standard Webhooks). Header names are lower-cased.
    public func receiveEvent(headers: [String: String], body: [UInt8], now: Date) async throws -> IngestOutcome {
        guard let verifier = self.secrets.standardWebhooks else {
            throw SourceNotConfigured(source: "Standard Webhooks", variable: "DECAY_WEBHOOK_SECRET")
        }
        try Self.checkSize(body)
        let id = headers[StandardWebhooks.idHeader]
        do {
            try verifier.verify(
                id: id, timestamp: headers[StandardWebhooks.timestampHeader], signatureHeader: headers[StandardWebhooks.signatureHeader],
                body: body, now: now
            )
        } catch {
            throw Self.unauthorized(error)
        }
        let event = try EventDecoder.decode(body)
        let request = InboundRequest(
            source: "events", externalID: id ?? "", receivedAt: now,
            headers: [StandardWebhooks.timestampHeader: headers[StandardWebhooks.timestampHeader] ?? ""], body: body
        )
        return try await self.database.ingest(request, event: .success(event), catalog: self.catalog)
    }

    /// Re-decodes a stored request and processes it again; for rejected events after the directory or content is fixed.
    public func replay(_ id: Int64) async throws -> IngestOutcome {
        guard let request = try await self.database.inboundRequest(id) else {
            throw InboundError(.unprocessable, "no stored inbound event \(id)", field: "id")
        }
        let event: Result<InboundEvent, InboundError>
        do {
            event = .success(try await self.decode(request))
        } catch let error as InboundError {
            event = .failure(error)
        }
        return try await self.database.replay(inboundID: id, request: request, event: event, catalog: self.catalog)
    }

    /// Turns a stored request back into its event, the same way as when it arrived.
    func decode(_ request: InboundRequest) async throws -> InboundEvent {
        switch request.source {
        case "events":
            return try EventDecoder.decode(request.body)
        default:
            throw InboundError(.malformed, "cannot replay events from source '\(request.source)'", field: "source")
        }
    }

    static func checkSize(_ body: [UInt8]) throws(InboundError) {
        if body.count > self.maxBodyBytes {
            throw InboundError(.tooLarge, "body is \(body.count) bytes; the limit is \(self.maxBodyBytes)")
        }
    }

    static func unauthorized(_ error: any Error) -> InboundError {
        guard let error = error as? SignatureError else { return InboundError(.unauthorized, "signature check failed") }
        switch error {
        case .missingHeader(let name), .malformedHeader(let name):
            return InboundError(.unauthorized, error.message, field: name)
        default:
            return InboundError(.unauthorized, error.message)
        }
    }
}
