import Foundation

extension DigestBuilder {
    /// The manager's partners from the channel-wide partners report now and at the start of the week, so ranks are
    /// within the category across the channel; top and quiet reps only count reps in scope.
    func partnerLines(_ input: DigestInput, scope: DigestScope, repsNow: [EngagementPerson], names: [String: String]) -> [Digest.PartnerLine] {
        let now = input.reports?.current ?? PartnersReport(snapshot: input.current, targets: input.targets, weights: self.options.weights)
        let before = input.reports?.previous ?? PartnersReport(snapshot: input.previous, weights: self.options.weights)
        let wanted = Set(scope.partners)
        let previous = Dictionary(before.partners.filter { wanted.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var ranked: [String: Int] = [:]
        for line in now.partners where line.rankInCategory != nil { ranked[line.category, default: 0] += 1 }
        let reps = Dictionary(grouping: repsNow, by: { $0.partner ?? "" })
        let lines = now.partners.filter { wanted.contains($0.id) }.map { line in
            let mine = reps[line.id] ?? []
            return Digest.PartnerLine(
                id: line.id, name: line.name, category: line.category, tier: line.tier, reps: line.people,
                ackRate: line.ackRate, responseRate: line.responseRate, recall: line.recall,
                score: MetricChange(metric: .score, previous: previous[line.id]?.score, current: line.score),
                rank: line.rankInCategory, previousRank: previous[line.id]?.rankInCategory, rankedInCategory: ranked[line.category] ?? 0,
                topReps: self.topReps(mine.map(\.inputs), names: names), topShare: line.topShare,
                quietReps: mine.filter { Self.isQuiet($0.inputs, asOf: input.current.asOf) }.count, scorecard: line.scorecard
            )
        }
        return lines.sorted { ($0.category, $0.rank ?? Int.max, $0.name, $0.id) < ($1.category, $1.rank ?? Int.max, $1.name, $1.id) }
    }

    /// The busiest reps of the last 90 days by acks plus responses in them, then correct quiz answers, then id; reps
    /// with no activity in those days are left out.
    func topReps(_ inputs: [EngagementInputs], names: [String: String]) -> [Digest.RepLine] {
        inputs.filter { $0.recentActivity > 0 }
            .sorted { ($1.recentActivity, $1.quizCorrect, $0.person) < ($0.recentActivity, $0.quizCorrect, $1.person) }
            .prefix(self.options.topReps)
            .map {
                Digest.RepLine(
                    id: $0.person, name: names[$0.person] ?? $0.person, acked: $0.acked, responded: $0.responded,
                    quizCorrect: $0.quizCorrect, quizAnswers: $0.quizAnswers, recentActivity: $0.recentActivity)
            }
    }

    /// Partners with reached reps in scope, none of whom was active in the window up to the cut-off.
    func quietPartners(_ input: DigestInput, scope: DigestScope, repsNow: [EngagementPerson]) -> [Digest.QuietPartner] {
        let reps = Dictionary(grouping: repsNow, by: { $0.partner ?? "" })
        let wanted = Set(scope.partners)
        return input.current.partners.filter { wanted.contains($0.id) }.compactMap { partner in
            let reached = (reps[partner.id] ?? []).map(\.inputs).filter { $0.delivered > 0 }
            guard !reached.isEmpty, reached.allSatisfy({ Self.isQuiet($0, asOf: input.current.asOf) }) else { return nil }
            return Digest.QuietPartner(
                id: partner.id, name: partner.name, reps: reached.count, lastActivity: reached.compactMap(\.lastActivity).max())
        }
        .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Reached reps in scope without an ack or response in the window, by partner name, then name.
    func quietReps(
        _ repsNow: [EngagementPerson], asOf: Date, names: [String: String], partnerNames: [String: String]
    ) -> [Digest.QuietRep] {
        repsNow.filter { Self.isQuiet($0.inputs, asOf: asOf) }
            .map { rep in
                let partner = rep.partner ?? ""
                return Digest.QuietRep(
                    id: rep.id, name: names[rep.id] ?? rep.id, partner: partner, partnerName: partnerNames[partner] ?? partner,
                    lastActivity: rep.inputs.lastActivity)
            }
            .sorted { ($0.partnerName, $0.name, $0.id) < ($1.partnerName, $1.name, $1.id) }
    }

    /// Reached (a delivery by the cut-off) but without an ack or response in the 14 days up to it.
    static func isQuiet(_ inputs: EngagementInputs, asOf: Date) -> Bool {
        inputs.delivered > 0 && !inputs.isActive(asOf: asOf)
    }

    /// Met, missed and unknown targets per metric over the partner lines, in `Metric.allCases` order.
    static func scorecard(_ partners: [Digest.PartnerLine]) -> [Digest.ScorecardSummary] {
        let entries = partners.flatMap { $0.scorecard ?? [] }
        return Metric.allCases.compactMap { metric in
            let lines = entries.filter { $0.metric == metric }
            guard !lines.isEmpty else { return nil }
            return Digest.ScorecardSummary(
                metric: metric, met: lines.filter { $0.met == true }.count, missed: lines.filter { $0.met == false }.count,
                unknown: lines.filter { $0.met == nil }.count)
        }
    }
}
