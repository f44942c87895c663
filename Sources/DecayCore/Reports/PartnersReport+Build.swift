import Foundation

extension PartnersReport {
    /// Builds the report from a snapshot: each partner's reps through `PartnerEngagement`, ranks through
    /// `Ranking.withinCategory`, disparity through `Gini`, and scorecards when `targets` are given.
    public init(
        snapshot: EngagementSnapshot, category: String? = nil, targets: ScoreTargets? = nil, weights: ScoreWeights = .standard
    ) {
        let partners = snapshot.partners.filter { category == nil || $0.category == category }
        var reps: [String: [EngagementInputs]] = [:]
        for person in snapshot.people where person.role == .rep {
            if let partner = person.partner {
                reps[partner, default: []].append(person.inputs)
            }
        }
        let engagements = partners.map {
            PartnerEngagement(
                partner: $0.id, category: $0.category, inputs: reps[$0.id] ?? [], asOf: snapshot.asOf, weights: weights)
        }
        let ranks = Ranking.withinCategory(engagements)
        var lines = zip(partners, engagements).map { partner, engagement in
            Line(
                id: partner.id, name: partner.name, category: partner.category, tier: partner.tier,
                people: engagement.people,
                responseRate: ShareFigure(engagement.responseRate), ackRate: ShareFigure(engagement.ackRate),
                recall: ShareFigure(engagement.recall), activeShare: ShareFigure(engagement.activeShare),
                medianAckHours: engagement.speed.displayHours,
                directAckHours: Self.hours(engagement.speed.direct, people: engagement.speed.directPeople),
                relayedAckHours: Self.hours(engagement.speed.relayed, people: engagement.speed.relayedPeople),
                quietReps: engagement.quietPeople, score: engagement.score, rankInCategory: ranks[partner.id],
                topShare: engagement.topShare,
                scorecard: targets.map { Scorecard(engagement: engagement, targets: $0).lines.map(ScorecardEntry.init) }
            )
        }
        lines.sort { ($0.category, $0.rankInCategory ?? Int.max, $0.id) < ($1.category, $1.rankInCategory ?? Int.max, $1.id) }
        let scores = lines.compactMap(\.score)
        let entries = lines.flatMap { $0.scorecard ?? [] }
        let overall = Overall(
            partners: lines.count, people: lines.reduce(0) { $0 + $1.people }, scoredPartners: scores.count,
            scoreGini: scores.isEmpty ? nil : Gini.coefficient(scores), medianScore: Median.of(scores),
            targetsMet: targets.map { _ in entries.filter { $0.met == true }.count },
            targetsMissed: targets.map { _ in entries.filter { $0.met == false }.count },
            targetsUnknown: targets.map { _ in entries.filter { $0.met == nil }.count }
        )
        self.init(asOf: snapshot.asOf, category: category, partners: lines, overall: overall)
    }

    /// A median delay in hours under the display rule: nil from fewer than 3 people.
    static func hours(_ seconds: TimeInterval?, people: Int) -> Double? {
        guard people >= Proportion.minimumPeople, let seconds else { return nil }
        return seconds / 3600
    }
}
