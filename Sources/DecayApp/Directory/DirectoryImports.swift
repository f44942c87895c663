import DecayCore
import DecayStore

/// Imports partners or people from a CSV or JSON file: every row checked, then upserted by id in one transaction,
/// or nothing changes. People are checked against the directory inside the transaction that writes them.
public struct DirectoryImports: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case partners
        case people
    }

    public let store: any DirectoryRepository

    public init(store: any DirectoryRepository) {
        self.store = store
    }

    /// The file's bytes as uploaded: invalid UTF-8 is refused with the row it sits on, then as ``run(_:text:format:)``.
    public func run(_ kind: Kind, bytes: [UInt8], format: ImportTable.Format?) async throws -> ImportSummary {
        guard !bytes.isEmpty else { throw UseCaseError.invalid("expected a CSV or JSON body", field: "body") }
        let format = format ?? ImportTable.Format.detect(path: nil, text: String(decoding: bytes.prefix(64), as: UTF8.self))
        switch ImportText.decode(bytes, format: format) {
        case .success(let text): return try await self.run(kind, text: text, format: format)
        case .failure(let errors): throw Self.refusal(errors)
        }
    }

    /// `format` nil: detected from the text. Bad rows throw ``UseCaseError`` (unprocessable) with one detail per problem.
    public func run(_ kind: Kind, text: String, format: ImportTable.Format?) async throws -> ImportSummary {
        guard !text.isEmpty else { throw UseCaseError.invalid("expected a CSV or JSON body", field: "body") }
        let format = format ?? ImportTable.Format.detect(path: nil, text: text)
        do {
            switch kind {
            case .partners:
                return try await self.store.upsertPartners(try DirectoryImport.partners(text, format: format).get())
            case .people:
                return try await self.store.upsertPeople { partnerIDs, existing in
                    try DirectoryImport.people(text, format: format, partnerIDs: partnerIDs, existing: existing).get()
                }
            }
        } catch let errors as ImportErrors {
            throw Self.refusal(errors)
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
