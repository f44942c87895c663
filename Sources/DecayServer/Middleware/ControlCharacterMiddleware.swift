import DecayCore
import Foundation
import Hummingbird

/// Refuses a request whose decoded path or query holds a control character, with a 400 naming the parameter:
/// a NUL reaches SQLite as the end of the text, so `?person=rep-0042%00` would stand for `rep-0042`.
struct ControlCharacterMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let problem = ControlCharacters.problem(in: request.uri.path.removingPercentEncoding ?? request.uri.path) {
            throw AppError(.badRequest, code: "bad_request", message: "the path \(problem)", field: "path")
        }
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            if let problem = ControlCharacters.problem(in: name) {
                throw AppError(.badRequest, code: "bad_request", message: "a query parameter name \(problem)", field: "query")
            }
            if let problem = ControlCharacters.problem(in: String(value)) {
                throw AppError(.badRequest, code: "bad_request", message: problem, field: name)
            }
        }
        return try await next(request, context)
    }
}
