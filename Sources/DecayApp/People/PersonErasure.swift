import DecayStore

/// Erases one person (a data-subject request): their directory entry, deliveries, responses, answers, outcomes,
/// relays and the raw inbound requests that name them, in one transaction. Reports afterwards read as if the person
/// had never been in the channel.
public struct PersonErasure: Sendable {
    public let store: any ErasureRepository

    public init(store: any ErasureRepository) {
        self.store = store
    }

    public func erase(_ id: String) async throws -> ErasureReport {
        guard !id.isEmpty else { throw UseCaseError.invalid("person id is required", field: "id") }
        guard let removed = try await self.store.erasePerson(id) else {
            throw UseCaseError(.notFound, "unknown person '\(id)'", field: "id")
        }
        return ErasureReport(person: id, removed: removed)
    }
}

/// Who was erased and what went with them.
public struct ErasureReport: Sendable, Equatable, Codable {
    public var person: String
    public var removed: ErasureCounts
}
