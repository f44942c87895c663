import DecayCore
import DecayStore
import Foundation

/// The partner × key point recall grid of one message: per partner and key point, the share of its people whose
/// latest quiz answer on that point is correct, withheld under 3 people. Kept until the data changes.
public struct PartnerKeyPointRecall: Sendable {
    public let messages: MessageReports
    public let engagement: EngagementReports
    public let cache: ReportResultCache<[String: [String: ShareFigure]]>

    public init(messages: MessageReports, engagement: EngagementReports, cache: ReportResultCache<[String: [String: ShareFigure]]> = ReportResultCache(capacity: 8)) {
        self.messages = messages
        self.engagement = engagement
        self.cache = cache
    }

    /// Figures keyed by partner id, then key point id; partners without answers are absent. `people` (a partner
    /// manager's team) counts only those people; nil counts everyone. Unknown message: not found.
    public func grid(message id: String, asOf: Date, people: Set<String>? = nil) async throws -> (keyPoints: [String], partners: [String: [String: ShareFigure]]) {
        guard let message = self.messages.catalog.messages[id] else {
            let known = self.messages.catalog.sortedMessages.map(\.id).joined(separator: ", ")
            throw UseCaseError(.notFound, "unknown message '\(id)' (known: \(known))", field: "message")
        }
        let snapshot = try await self.engagement.channelSnapshot(asOf: asOf)
        let store = self.messages.store
        let catalog = self.messages.catalog
        let team = people.map { $0.sorted().joined(separator: ",") } ?? "*"
        let grid = try await self.cache.value(key: "\(message.id)\u{0}\(message.version)\u{0}\(team)", stamp: store.changeStamp, servingStale: true) {
            let input = try await store.messageReportInput(
                message: message, surveys: catalog.surveys(forMessage: message.id), asOf: nil, freeTexts: false)
            let counted = snapshot.people.filter { person in people.map { $0.contains(person.id) } ?? true }
            let partnerOf = Dictionary(counted.compactMap { person in person.partner.map { (person.id, $0) } }, uniquingKeysWith: { first, _ in first })
            return await OffPool.run { Self.grid(input.answers, partnerOf: partnerOf) }
        }
        return (message.keyPoints.map(\.id), grid)
    }

    /// Latest answer per (person, key point), then counted per partner.
    static func grid(_ answers: [MessageReportInput.QuizAnswer], partnerOf: [String: String]) -> [String: [String: ShareFigure]] {
        var latest: [String: MessageReportInput.QuizAnswer] = [:]
        for answer in answers {
            let key = "\(answer.personID)\u{0}\(answer.keyPointID)"
            if let seen = latest[key], seen.submittedAt >= answer.submittedAt { continue }
            latest[key] = answer
        }
        var counts: [String: [String: (correct: Int, people: Int)]] = [:]
        for answer in latest.values {
            guard let partner = partnerOf[answer.personID] else { continue }
            var tally = counts[partner, default: [:]][answer.keyPointID] ?? (0, 0)
            tally.correct += answer.correct ? 1 : 0
            tally.people += 1
            counts[partner, default: [:]][answer.keyPointID] = tally
        }
        return counts.mapValues { points in
            points.mapValues { ShareFigure(Proportion(successes: $0.correct, trials: $0.people, people: $0.people)) }
        }
    }
}
