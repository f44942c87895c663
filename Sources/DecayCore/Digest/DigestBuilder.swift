import Foundation

/// Builds a ``Digest`` from a ``DigestInput``: pure, so scoping, ranking and re-check rules are tested without a
/// database. Engagement figures reuse `PartnerEngagement` and `PartnersReport`; message figures reuse the
/// message report's helpers on the manager's reps' answers.
public struct DigestBuilder: Sendable {
    public var options: DigestOptions

    public init(options: DigestOptions = DigestOptions()) {
        self.options = options
    }

    public func build(_ input: DigestInput) throws -> Digest {
        let scope = try DigestScope(manager: input.manager, partners: input.current.partners, people: input.people)
        let names = Dictionary(input.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let partnerNames = Dictionary(input.current.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let repsNow = Self.reps(of: input.current, in: scope)
        let repsBefore = Self.reps(of: input.previous, in: scope)
        let messages = self.messageLines(input, scope: scope)
        let partners = self.partnerLines(input, scope: scope, repsNow: repsNow, names: names)
        return Digest(
            manager: Digest.Manager(
                id: input.manager.id, name: input.manager.name, role: input.manager.role,
                partner: input.manager.role == .partnerManager ? input.manager.partner : nil,
                partnerName: input.manager.role == .partnerManager ? input.manager.partner.flatMap { partnerNames[$0] } : nil
            ),
            week: input.week,
            period: input.period,
            engagement: self.engagement(input, scope: scope, repsNow: repsNow, repsBefore: repsBefore, reach: messages.reach),
            messages: messages.lines,
            rechecks: messages.rechecks,
            partners: partners,
            quietPartners: self.quietPartners(input, scope: scope, repsNow: repsNow),
            quietReps: self.quietReps(repsNow, asOf: input.current.asOf, names: names, partnerNames: partnerNames),
            scorecard: input.targets.map { _ in Self.scorecard(partners) },
            recheckActivity: self.recheckActivity(input, scope: scope),
            pulse: self.pulseMoves(input, scope: scope)
        )
    }

    /// The scope's reps as one group, now and at the start of the week, through `PartnerEngagement`.
    private func engagement(
        _ input: DigestInput, scope: DigestScope, repsNow: [EngagementPerson], repsBefore: [EngagementPerson], reach: Proportion
    ) -> Digest.Engagement {
        let now = self.group(repsNow.map(\.inputs), asOf: input.current.asOf)
        let before = self.group(repsBefore.map(\.inputs), asOf: input.previous.asOf)
        return Digest.Engagement(
            partners: scope.partners.count, reps: scope.reps.count, reach: ShareFigure(reach),
            ackRate: ShareFigure(now.ackRate), responseRate: ShareFigure(now.responseRate), activeShare: ShareFigure(now.activeShare),
            medianAckHours: now.speed.displayHours,
            directAckHours: PartnersReport.hours(now.speed.direct, people: now.speed.directPeople),
            relayedAckHours: PartnersReport.hours(now.speed.relayed, people: now.speed.relayedPeople),
            changes: MetricChange.weekOverWeek(current: now, previous: before),
            repsActiveThisWeek: repsNow.filter { rep in
                rep.inputs.lastActivity.map { $0 >= input.period.start && $0 <= input.current.asOf } ?? false
            }.count
        )
    }

    func group(_ inputs: [EngagementInputs], asOf: Date) -> PartnerEngagement {
        PartnerEngagement(partner: "", category: "", inputs: inputs, asOf: asOf, weights: self.options.weights)
    }

    /// The snapshot's people who are reps in scope, sorted by id.
    static func reps(of snapshot: EngagementSnapshot, in scope: DigestScope) -> [EngagementPerson] {
        snapshot.people.filter { $0.role == .rep && scope.reps.contains($0.id) }
    }
}
