import DecayApp
import Hummingbird
import Logging

/// Turns every error into the JSON error shape: framework errors keep their status, unexpected ones become a logged 500.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AppError {
            throw error
        } catch let error as UseCaseError {
            throw AppError(error)
        } catch let error as HTTPError {
            throw AppError(error.status, code: Self.code(for: error.status), message: error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError {
            throw AppError(error.status, code: Self.code(for: error.status), message: error.status.reasonPhrase)
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw AppError(.internalServerError, code: "internal", message: "internal error; the server log has details")
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: return "bad_request"
        case 401: return "unauthorized"
        case 404: return "not_found"
        case 405: return "method_not_allowed"
        case 413: return "payload_too_large"
        case 415: return "unsupported_media_type"
        case 422: return "unprocessable"
        default: return status.code >= 500 ? "internal" : "http_\(status.code)"
        }
    }
}
