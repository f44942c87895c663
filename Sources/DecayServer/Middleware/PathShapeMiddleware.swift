import DecayCore
import Foundation
import Hummingbird

/// Refuses a path with an empty, `.` or `..` segment (a trailing slash aside), with a 400 naming the path. The router
/// skips empty segments, so `//api/people` would reach the `/api/people` route while the guards, which look at the
/// path as sent, saw no `/api` prefix: a path has one spelling here, the one the guards check.
struct PathShapeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let problem = Self.problem(in: request.uri.path) {
            throw AppError(.badRequest, code: "bad_request", message: "the path \(problem)", field: "path")
        }
        return try await next(request, context)
    }

    /// Why `path` is refused, or nil. Percent-encoded dots count as dots.
    static func problem(in path: String) -> String? {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.last == "" { segments = segments.dropLast() }
        for segment in segments {
            if segment.isEmpty { return "must not contain '//' (empty segments), got '\(path)'" }
            let decoded = String(segment).removingPercentEncoding ?? String(segment)
            if decoded == "." || decoded == ".." { return "must not contain '.' or '..' segments, got '\(path)'" }
        }
        return nil
    }
}
