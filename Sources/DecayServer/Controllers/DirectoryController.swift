import DecayCore
import DecayStore
import Foundation
import Hummingbird

/// `GET|PUT /api/partners` and `/api/people`: list, or upsert a whole CSV/JSON file in one transaction.
struct DirectoryController {
    let database: AppDatabase
    let maxBytes: Int

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("partners", use: self.listPartners)
        group.put("partners", use: self.importPartners)
        group.get("people", use: self.listPeople)
        group.put("people", use: self.importPeople)
        group.get("people/:id", use: self.showPerson)
    }

    @Sendable func listPartners(request: Request, context: some RequestContext) async throws -> JSONList<Partner> {
        JSONList(items: try await self.database.partners())
    }

    @Sendable func listPeople(request: Request, context: some RequestContext) async throws -> JSONList<Person> {
        JSONList(items: try await self.database.people(partner: request.uri.queryParameters.get("partner")))
    }

    @Sendable func showPerson(request: Request, context: some RequestContext) async throws -> JSONBody<Person> {
        let id = try context.parameters.require("id")
        guard let person = try await self.database.person(id) else { throw AppError.notFound("person '\(id)'") }
        return JSONBody(value: person)
    }

    @Sendable func importPartners(request: Request, context: some RequestContext) async throws -> JSONBody<ImportSummary> {
        let (text, format) = try await self.upload(request, context: context)
        return JSONBody(value: try await Self.mapImportErrors { try await self.database.importPartners(text, format: format) })
    }

    @Sendable func importPeople(request: Request, context: some RequestContext) async throws -> JSONBody<ImportSummary> {
        let (text, format) = try await self.upload(request, context: context)
        return JSONBody(value: try await Self.mapImportErrors { try await self.database.importPeople(text, format: format) })
    }

    /// Reads the body as UTF-8 text; the format comes from Content-Type (`text/csv` or `application/json`).
    private func upload(_ request: Request, context: some RequestContext) async throws -> (String, ImportTable.Format) {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: self.maxBytes)
        } catch {
            throw AppError(.contentTooLarge, code: "payload_too_large", message: "body is larger than \(self.maxBytes) bytes")
        }
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes), !text.isEmpty else {
            throw AppError.badRequest("expected a CSV or JSON body", field: "body")
        }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let format: ImportTable.Format
        if contentType.contains("json") {
            format = .json
        } else if contentType.contains("csv") {
            format = .csv
        } else {
            format = ImportTable.Format.detect(path: nil, text: text)
        }
        return (text, format)
    }

    private static func mapImportErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let errors as ImportErrors {
            let first = errors.problems.first
            throw AppError(
                .unprocessableContent, code: "invalid_rows",
                message: "\(errors.problems.count) problem(s); nothing was imported",
                field: first.map { problem in [problem.row.map { "row \($0)" }, problem.field].compactMap { $0 }.joined(separator: " ") },
                details: errors.problems.map(\.description)
            )
        }
    }
}
