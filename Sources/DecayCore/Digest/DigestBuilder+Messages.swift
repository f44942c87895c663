import Foundation

extension DigestBuilder {
    /// The active messages' lines, the re-checks due, and reach pooled over the messages.
    struct MessageSection {
        var lines: [Digest.MessageLine]
        var rechecks: [Digest.Recheck]
        var reach: Proportion
    }

    func messageLines(_ input: DigestInput, scope: DigestScope) -> MessageSection {
        let asOf = input.period.asOf
        let partners = Dictionary(input.current.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let partnerOf = Dictionary(input.people.compactMap { person in person.partner.flatMap { partners[$0] }.map { (person.id, $0) } },
                                   uniquingKeysWith: { first, _ in first })
        var lines: [(latest: Date, line: Digest.MessageLine)] = []
        var rechecks: [Digest.Recheck] = []
        var reach = (delivered: 0, wanted: 0, people: Set<String>())
        for item in input.messages {
            var deliveries: [String: DigestMessageInput.Delivery] = [:]
            for delivery in item.deliveries where scope.reps.contains(delivery.person) && delivery.deliveredAt <= asOf {
                if deliveries[delivery.person].map({ $0.deliveredAt < delivery.deliveredAt }) ?? true {
                    deliveries[delivery.person] = delivery
                }
            }
            guard let latest = deliveries.values.map(\.deliveredAt).max(), self.options.isActive(latestDelivery: latest, asOf: asOf)
            else { continue }
            let audience = item.message.audience
            let wanted = scope.reps.filter { id in
                partnerOf[id].map { audience.includes(category: $0.category, tier: $0.tier, region: $0.region) } ?? false
            }.union(deliveries.keys)
            reach.delivered += deliveries.count
            reach.wanted += wanted.count
            reach.people.formUnion(wanted)
            let acked = deliveries.values.filter { $0.ackedAt.map { $0 <= asOf } ?? false }.count
            let routes = deliveries.values.sorted { $0.person < $1.person }
            lines.append((latest, self.messageLine(
                item, scope: scope, reach: Proportion(successes: deliveries.count, trials: wanted.count),
                ackRate: Proportion(successes: acked, trials: deliveries.count), routes: routes, asOf: asOf
            )))
            if let recheck = self.recheck(item, deliveries: routes, asOf: asOf) { rechecks.append(recheck) }
        }
        return MessageSection(
            lines: lines.sorted { ($1.latest, $0.line.id) < ($0.latest, $1.line.id) }.map(\.line),
            rechecks: rechecks.sorted { ($0.dropsBelowAt, $0.message) < ($1.dropsBelowAt, $1.message) },
            reach: Proportion(successes: reach.delivered, trials: reach.wanted, people: reach.people.count)
        )
    }

    /// Recall now and by route from the scope's reps' latest answers, half-lives and retention from the channel-wide
    /// report, and the scope's relays scored for fidelity and distortions.
    private func messageLine(
        _ item: DigestMessageInput, scope: DigestScope, reach: Proportion, ackRate: Proportion, routes: [DigestMessageInput.Delivery], asOf: Date
    ) -> Digest.MessageLine {
        let answers = item.input.answers.filter { scope.reps.contains($0.personID) }
        let latest = Dictionary(grouping: answers, by: \.keyPointID).mapValues(MessageReportBuilder.latestPerPerson)
        let current = latest.values.flatMap { $0 }
        let channel = Dictionary(item.report.keyPoints.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let keyPoints = item.message.keyPoints.map { point in
            Digest.KeyPointLine(
                id: point.id, text: point.text, correctNow: ShareFigure(Self.correct(latest[point.id] ?? [])),
                halfLifeDays: channel[point.id]?.halfLifeDays
                    ?? MessageReport.Estimate(value: nil, low: nil, high: nil, note: "no quiz answers yet")
            )
        }
        let scorer = FidelityScorer(message: item.message)
        let relays = item.input.relays.filter { scope.relayers.contains($0.from) }.map { ($0, scorer.score($0.text)) }
        let guesses = KnowItFigure.guesses(item.surveys)
        let relayLoss = Digest.RelayLoss(
            direct: ShareFigure(Self.correct(current.filter { $0.hops == 0 })),
            relayed: ShareFigure(Self.correct(current.filter { ($0.hops ?? 0) > 0 })),
            retentionPerHop: item.report.retentionPerHop, relays: relays.count,
            meanFidelity: MessageReportBuilder.mean(relays.compactMap(\.1.fidelity)),
            knowDirect: KnowItFigure(current.filter { $0.hops == 0 }, guesses: guesses),
            knowRelayed: KnowItFigure(current.filter { ($0.hops ?? 0) > 0 }, guesses: guesses)
        )
        let holders = (item.oldVersions?.holders ?? []).filter { scope.reps.contains($0.person) || scope.relayers.contains($0.person) }
        return Digest.MessageLine(
            id: item.message.id, version: item.message.version, title: item.message.title, reach: ShareFigure(reach),
            ackRate: ShareFigure(ackRate), correctNow: ShareFigure(Self.correct(current)), keyPoints: keyPoints,
            distortion: self.distortion(item, answers: answers, relays: relays, scope: scope), relayLoss: relayLoss,
            knowNow: KnowItFigure(current, guesses: guesses), projected: self.projection(item, routes: routes, asOf: asOf),
            stillOnOldVersion: Self.oldVersionLines(holders, order: item.message.keyPoints.map(\.id))
        )
    }

    /// People still on each older version (newest first), with the key points they hold it on in message order.
    static func oldVersionLines(_ holders: [OldVersionHolder], order: [String]) -> [Digest.OldVersionLine] {
        Dictionary(grouping: holders, by: \.version).map { version, group in
            let points = Set(group.map(\.keyPoint))
            return Digest.OldVersionLine(version: version, people: Set(group.map(\.person)).count, keyPoints: order.filter(points.contains))
        }
        .sorted { $0.version > $1.version }
    }

    /// The mean over key points with a reported curve of the scope's projected share who know it (no guessing), a
    /// look-ahead after the cut-off: the same scale as ``Digest/MessageLine/knowNow``.
    private func projection(_ item: DigestMessageInput, routes: [DigestMessageInput.Delivery], asOf: Date) -> Digest.Projection? {
        let at = asOf.addingTimeInterval(self.options.recheckLookaheadDays * 86_400)
        let shares = self.outlooks(item, routes: routes).compactMap { $0.outlook.projected(at: at) }
        guard !shares.isEmpty else { return nil }
        return Digest.Projection(share: shares.reduce(0, +) / Double(shares.count), at: at)
    }

    /// Each key point with a reported half-life and initial learning, with its projection over the scope's deliveries.
    private func outlooks(_ item: DigestMessageInput, routes: [DigestMessageInput.Delivery]) -> [(point: MessageReport.KeyPointReport, outlook: RecallOutlook)] {
        let rho = item.report.retentionPerHop.value ?? 1
        let deliveries = routes.map { (at: $0.deliveredAt, hops: $0.hops) }
        return item.report.keyPoints.compactMap { point in
            guard let halfLife = point.halfLifeDays.value, let initial = point.initialLearning.value else { return nil }
            let curve = ForgettingCurve(initial: initial, halfLife: halfLife, rho: rho, shape: ForgettingFitOptions().shape)
            return (point, RecallOutlook(curve: curve, deliveries: deliveries))
        }
    }

    /// Correct answers out of answers, with the people who gave them.
    static func correct(_ answers: [MessageReportInput.QuizAnswer]) -> Proportion {
        Proportion(
            successes: answers.filter(\.correct).map(\.count).reduce(0, +), trials: answers.map(\.count).reduce(0, +),
            people: Set(answers.map(\.personID)).count)
    }

    /// The most spreading wrong version among the reps' latest quiz answers per question, their free texts, and
    /// the scope's relays.
    private func distortion(
        _ item: DigestMessageInput, answers: [MessageReportInput.QuizAnswer], relays: [(MessageReportInput.Relay, FidelityReport)],
        scope: DigestScope
    ) -> Digest.Distortion? {
        var tally = DistortionTally()
        let questions = Dictionary(item.surveys.flatMap { survey in survey.questions.map { ("\(survey.id)/\($0.id)", $0) } },
                                   uniquingKeysWith: { first, _ in first })
        let byQuestion = Dictionary(grouping: answers, by: { "\($0.surveyID)/\($0.questionID)" })
        for (key, group) in byQuestion {
            let question = questions[key]
            let correct = Set(question?.correct ?? [])
            for answer in MessageReportBuilder.latestPerPerson(group) where !answer.correct {
                for option in answer.choices where !correct.contains(option) {
                    let text = item.oldVersions?.oldOptions[key]?[option].map(OldVersionClaims.label)
                        ?? question?.choices.first { $0.id == option }?.text ?? option
                    tally.add(keyPoint: answer.keyPointID, text: text, person: answer.personID, source: .quiz)
                }
            }
        }
        var scorers = SubsetScorers(message: item.message)
        var scored: [String: FidelityReport] = [:]
        for text in item.input.freeTexts where scope.reps.contains(text.person) {
            let key = text.keyPoints.joined(separator: "\u{0}") + "\u{1}" + text.text
            let report = scored[key] ?? scorers.scorer(for: text.keyPoints).score(text.text)
            scored[key] = report
            for wrong in Self.wrongVersions(report, text: text.text, claims: item.oldVersions?.claims) {
                tally.add(keyPoint: wrong.keyPoint, text: wrong.text, person: text.person, source: .freeText)
            }
        }
        for (relay, report) in relays {
            for wrong in Self.wrongVersions(report, text: relay.text, claims: item.oldVersions?.claims) {
                tally.add(keyPoint: wrong.keyPoint, text: wrong.text, recipients: relay.recipients)
            }
        }
        return tally.top()
    }

    /// The wrong versions a text carries, per key point: "old version (v1)" where it carries an older version's claim
    /// (whatever else it says about the point), else each distinct piece of distortion evidence.
    static func wrongVersions(_ report: FidelityReport, text: String, claims: OldVersionClaims?) -> [(keyPoint: String, text: String)] {
        report.points.flatMap { point -> [(keyPoint: String, text: String)] in
            if case .old(let version) = claims?.stance(of: text, on: point.keyPointID) {
                return [(point.keyPointID, OldVersionClaims.label(version: version))]
            }
            guard case .distorted(let reasons) = point.status else { return [] }
            return Set(reasons.map(DistortionTally.text)).sorted().map { (point.keyPointID, $0) }
        }
    }

    /// The key point whose projected recall among the reps crosses the threshold first, if it does before the
    /// cut-off plus the look-ahead. Needs the channel-wide half-life and initial learning to be reported.
    private func recheck(_ item: DigestMessageInput, deliveries: [DigestMessageInput.Delivery], asOf: Date) -> Digest.Recheck? {
        let until = asOf.addingTimeInterval(self.options.recheckLookaheadDays * 86_400)
        let due = self.outlooks(item, routes: deliveries).compactMap { item -> (point: MessageReport.KeyPointReport, outlook: RecallOutlook, at: Date)? in
            item.outlook.crossing(below: self.options.recheckThreshold, until: until).map { (item.point, item.outlook, $0) }
        }
        guard let first = due.min(by: { ($0.at, $0.point.id) < ($1.at, $1.point.id) }) else { return nil }
        return Digest.Recheck(
            message: item.message.id, title: item.message.title, keyPoint: first.point.id, keyPointText: first.point.text,
            projectedRecall: first.outlook.projected(at: asOf) ?? 0, dropsBelowAt: first.at, threshold: self.options.recheckThreshold
        )
    }
}
