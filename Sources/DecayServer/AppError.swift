import DecayApp
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
        var response = try context.responseEncoder.encode(body, from: request, context: context)
        response.status = self.status
        if self.status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Bearer"
        }
        return response
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

extension AppError {
    /// A use case's refusal with the status its kind stands for.
    init(_ error: UseCaseError) {
        switch error.kind {
        case .invalid: self.init(.badRequest, code: "bad_request", message: error.message, field: error.field, details: error.details)
        case .notFound: self.init(.notFound, code: "not_found", message: error.message, field: error.field, details: error.details)
        case .unprocessable: self.init(.unprocessableContent, code: "unprocessable", message: error.message, field: error.field, details: error.details)
        }
    }
}
