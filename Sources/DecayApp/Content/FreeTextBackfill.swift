import DecayCore
import DecayStore

/// Scores the free-text answers stored before their key-point statuses were (old databases, bulk copies), each
/// distinct text once per question, so reports count stored statuses instead of scoring texts. Runs once per database.
public struct FreeTextBackfill: Sendable {
    public let store: any FreeTextRepository
    public let catalog: ContentCatalog

    public init(store: any FreeTextRepository, catalog: ContentCatalog) {
        self.store = store
        self.catalog = catalog
    }

    /// Returns how many answers it scored; 0 once the backfill has run, without writing anything.
    @discardableResult
    public func run() async throws -> Int {
        guard let answers = try await self.store.unscoredFreeTexts() else { return 0 }
        var cache: [String: [PointScore]] = [:]
        var scored: [(answer: UnscoredFreeText, points: [PointScore])] = []
        for answer in answers {
            let key = "\(answer.surveyID)\u{0}\(answer.questionID)\u{0}\(answer.text)"
            guard let points = cache[key] ?? self.catalog.freeTextScoring.points(survey: answer.surveyID, question: answer.questionID, text: answer.text)
            else { continue }
            cache[key] = points
            scored.append((answer, points))
        }
        try await self.store.storeBackfilledFreeTextPoints(scored)
        return scored.count
    }
}
