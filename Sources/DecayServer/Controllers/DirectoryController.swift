import DecayApp
import DecayCore
import DecayStore
import Foundation
import Hummingbird

/// `GET|PUT /api/partners` and `/api/people`: list, or upsert a whole CSV/JSON file in one transaction;
/// `GET|DELETE /api/people/{id}`: one person, or erase them and everything about them.
struct DirectoryController {
    let store: any DirectoryRepository
    let imports: DirectoryImports
    let erasure: PersonErasure
    let maxBytes: Int

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("partners", use: self.listPartners)
        group.put("partners", use: self.importPartners)
        group.get("people", use: self.listPeople)
        group.put("people", use: self.importPeople)
        group.get("people/:id", use: self.showPerson)
        group.delete("people/:id", use: self.erasePerson)
    }

    @Sendable func listPartners(request: Request, context: some RequestContext) async throws -> JSONList<Partner> {
        JSONList(items: try await self.store.partners())
    }

    @Sendable func listPeople(request: Request, context: some RequestContext) async throws -> JSONList<Person> {
        JSONList(items: try await self.store.people(partner: request.uri.queryParameters.get("partner")))
    }

    @Sendable func showPerson(request: Request, context: some RequestContext) async throws -> JSONBody<Person> {
        let id = try context.parameters.require("id")
        guard let person = try await self.store.person(id) else { throw AppError.notFound("person '\(id)'") }
        return JSONBody(value: person)
    }

    @Sendable func erasePerson(request: Request, context: some RequestContext) async throws -> JSONBody<ErasureReport> {
        JSONBody(value: try await self.erasure.erase(try context.parameters.require("id")))
    }

    @Sendable func importPartners(request: Request, context: some RequestContext) async throws -> JSONBody<ImportSummary> {
        let (bytes, format) = try await self.upload(request)
        return JSONBody(value: try await self.imports.run(.partners, bytes: bytes, format: format, source: .api))
    }

    @Sendable func importPeople(request: Request, context: some RequestContext) async throws -> JSONBody<ImportSummary> {
        let (bytes, format) = try await self.upload(request)
        return JSONBody(value: try await self.imports.run(.people, bytes: bytes, format: format, source: .api))
    }

    /// Reads the body's bytes; the format comes from Content-Type (`text/csv` or `application/json`), else the text.
    private func upload(_ request: Request) async throws -> ([UInt8], ImportTable.Format?) {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: self.maxBytes)
        } catch {
            throw AppError(.contentTooLarge, code: "payload_too_large", message: "body is larger than \(self.maxBytes) bytes")
        }
        let bytes = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let format: ImportTable.Format? = contentType.contains("json") ? .json : contentType.contains("csv") ? .csv : nil
        return (bytes, format)
    }
}
