import DecayChat
import DecayCore
import DecayStore
import Foundation
import Hummingbird

/// `GET /api/digests/preview?manager=ID[&week=2026-W47][&format=slack][&resamples=200]`: the exact chat payload a
/// manager's weekly digest would post, as `decay digest --preview` prints it. The week defaults to the last complete
/// one in the manager's time zone, the format to the manager's destination.
struct DigestController {
    let database: AppDatabase
    let catalog: ContentCatalog

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("digests/preview", use: self.preview)
    }

    @Sendable func preview(request: Request, context: some RequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let manager = query.get("manager"), !manager.isEmpty else {
            throw AppError.badRequest("manager is required: the id of a channel manager or partner manager", field: "manager")
        }
        guard let person = try await self.database.person(manager) else { throw AppError.notFound("manager '\(manager)'") }
        var format = try Self.format(query.get("format"))
        let resamples = try Self.resamples(query.get("resamples"))
        let now = Date()
        let week = try Self.week(query.get("week")) ?? ISOWeek.containing(now, in: TimeZone(identifier: person.timezone) ?? .gmt).previous
        let digest: Digest
        do {
            digest = try await self.database.digest(
                managerID: manager, week: week, now: now, catalog: self.catalog, reports: MessageReportCache(resamples: resamples))
        } catch let error as DigestError {
            if case .weekNotStarted = error { throw AppError.badRequest(error.description, field: "week") }
            throw AppError(.unprocessableContent, code: "no_digest", message: error.description, field: "manager")
        }
        if format == nil {
            format = try await self.database.digestManagers().first { $0.id == manager }?.chat?.format
        }
        guard let format else {
            throw AppError.badRequest("format is required: '\(manager)' has no chat destination", field: "format")
        }
        let payload = ChatRenderer.render(digest, as: format, transactionID: "digest-\(digest.manager.id)-\(digest.week)")
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: payload.body)))
    }

    static func format(_ text: String?) throws -> ChatFormat? {
        guard let text, !text.isEmpty else { return nil }
        guard let format = ChatFormat(rawValue: text) else {
            let formats = ChatFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw AppError.badRequest("format must be one of \(formats), got '\(text)'", field: "format")
        }
        return format
    }

    /// Bootstrap refits for the half-life intervals, 0 to 2000 (default 200), as for the message report.
    static func resamples(_ text: String?) throws -> Int {
        guard let text, !text.isEmpty else { return 200 }
        guard let value = Int(text), (0...2000).contains(value) else {
            throw AppError.badRequest("resamples must be a whole number from 0 to 2000", field: "resamples")
        }
        return value
    }

    static func week(_ text: String?) throws -> ISOWeek? {
        guard let text, !text.isEmpty else { return nil }
        do {
            return try ISOWeek.parse(text)
        } catch {
            throw AppError.badRequest("\(error)", field: "week")
        }
    }
}
