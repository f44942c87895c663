import DecayCore
import DecayStore
import Foundation

/// Imports partners or people from a CSV or JSON file: every row checked, then upserted by id in one transaction,
/// or nothing changes. People are checked against the directory inside the transaction that writes them. Every run
/// lands in the import log: a kept import in its own transaction, a refused one with the reason.
public struct DirectoryImports: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case partners
        case people
    }

    public let store: any DirectoryRepository

    public init(store: any DirectoryRepository) {
        self.store = store
    }

    /// The file's bytes as uploaded: invalid UTF-8 is refused with the row it sits on, then as ``run(_:text:format:source:)``.
    public func run(_ kind: Kind, bytes: [UInt8], format: ImportTable.Format?, source: ImportLogEntry.Source) async throws -> ImportSummary {
        try await self.logged(kind, source) {
            guard !bytes.isEmpty else { throw UseCaseError.invalid("expected a CSV or JSON body", field: "body") }
            let detected = format ?? ImportTable.Format.detect(path: nil, text: String(decoding: bytes.prefix(64), as: UTF8.self))
            switch ImportText.decode(bytes, format: detected) {
            case .success(let text): return try await self.upsert(kind, text: text, format: detected, source: source)
            case .failure(let errors): throw Self.refusal(errors)
            }
        }
    }

    /// `format` nil: detected from the text. Bad rows throw ``UseCaseError`` (unprocessable) with one detail per problem.
    public func run(_ kind: Kind, text: String, format: ImportTable.Format?, source: ImportLogEntry.Source) async throws -> ImportSummary {
        try await self.logged(kind, source) {
            try await self.upsert(kind, text: text, format: format, source: source)
        }
    }

    /// The newest `limit` imports, kept or refused, newest first.
    public func recent(limit: Int = 20) async throws -> [ImportLogEntry] {
        try await self.store.recentImports(limit: limit)
    }

    private func upsert(_ kind: Kind, text: String, format: ImportTable.Format?, source: ImportLogEntry.Source) async throws -> ImportSummary {
        guard !text.isEmpty else { throw UseCaseError.invalid("expected a CSV or JSON body", field: "body") }
        let format = format ?? ImportTable.Format.detect(path: nil, text: text)
        do {
            switch kind {
            case .partners:
                return try await self.store.upsertPartners(try DirectoryImport.partners(text, format: format).get(), from: source)
            case .people:
                return try await self.store.upsertPeople(from: source) { partnerIDs, existing in
                    try DirectoryImport.people(text, format: format, partnerIDs: partnerIDs, existing: existing).get()
                }
            }
        } catch let errors as ImportErrors {
            throw Self.refusal(errors)
        }
    }

    /// Runs `work`; when it throws, logs the refusal with its reason (the message and the first problem) and rethrows.
    private func logged(_ kind: Kind, _ source: ImportLogEntry.Source, _ work: () async throws -> ImportSummary) async throws -> ImportSummary {
        do {
            return try await work()
        } catch {
            let reason = (error as? UseCaseError).map { [$0.description, $0.details.first].compactMap { $0 }.joined(separator: ": ") }
            try await self.store.logImport(ImportLogEntry(kind: kind.rawValue, source: source, refused: reason ?? "\(error)", at: Date()))
            throw error
        }
    }

    /// A 422 naming the first problem's row and field, with every problem as a detail.
    static func refusal(_ errors: ImportErrors) -> UseCaseError {
        let first = errors.problems.first
        return UseCaseError(
            .unprocessable, "\(errors.problems.count) problem(s); nothing was imported",
            field: first.map { problem in [problem.row.map { "row \($0)" }, problem.field].compactMap { $0 }.joined(separator: " ") },
            details: errors.problems.map(\.description)
        )
    }
}
