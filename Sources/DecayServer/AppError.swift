import Foundation
import Hummingbird

/// An expected failure, rendered as `{"error": {"code", "message", "field"}}` with its HTTP status.
public struct AppError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    /// Per-row or per-item problems, for bulk requests such as imports.
    public var details: [String]

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil, details: [String] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorBody(error: .init(code: self.code, message: self.message, field: self.field, details: self.details.isEmpty ? nil : self.details))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if self.status == .unauthorized {
            headers[.wwwAuthenticate] = "Bearer"
        }
        let data = (try? JSONEncoder.sorted.encode(body)) ?? Data()
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var field: String?
            var details: [String]?
        }

        var error: Detail
    }
}

extension AppError {
    static func notFound(_ what: String) -> AppError {
        AppError(.notFound, code: "not_found", message: "\(what) was not found")
    }

    static func badRequest(_ message: String, field: String? = nil) -> AppError {
        AppError(.badRequest, code: "bad_request", message: message, field: field)
    }
}

extension JSONEncoder {
    /// Stable key order and ISO 8601 dates, so responses are diffable.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
