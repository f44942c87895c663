import Foundation

/// Builds a ``MessageReport`` from graded answers, free texts and relays: pure, so it is tested without a database.
public struct MessageReportBuilder: Sendable {
    public var bootstrap: ForgettingBootstrap
    /// Relays listed in the report, worst fidelity first.
    public var relayPage: RelayPage

    public init(bootstrap: ForgettingBootstrap = ForgettingBootstrap(resamples: 200, seed: 1), relayPage: RelayPage = .worst) {
        self.bootstrap = bootstrap
        self.relayPage = relayPage
    }

    public func build(message: Message, surveys: [Survey], input: MessageReportInput) -> MessageReport {
        let questions = Dictionary(surveys.flatMap { survey in survey.questions.map { ("\(survey.id)/\($0.id)", $0) } }, uniquingKeysWith: { first, _ in first })
        let fit = self.fit(input.answers, questions: questions)
        let fidelity = FidelityScorer(message: message)
        let freeText = input.freeTextCounts ?? Self.countStatuses(input.freeTexts, message: message)
        let answersByPoint = Dictionary(grouping: input.answers, by: \.keyPointID)
        let stale = Self.oldVersionCounts(message: message, surveys: surveys, evidence: input.oldVersions)
        let keyPoints = ParallelSlots.map(message.keyPoints.count) { index -> MessageReport.KeyPointReport in
            let point = message.keyPoints[index]
            let answers = answersByPoint[point.id] ?? []
            let fitted = fit?.keyPoints.first { $0.id == point.id }
            let counts = freeText[point.id] ?? [:]
            let guess = Self.guessFloor(answers, questions: questions)
            return MessageReport.KeyPointReport(
                id: point.id, text: point.text, weight: point.weight,
                correctNow: Self.rate(Self.latestPerPerson(answers)),
                halfLifeDays: Self.estimate(fitted?.halfLife, fitted?.halfLifeInterval, fitted?.verdict, missing: "no quiz answers yet"),
                initialLearning: Self.estimate(fitted?.initial, fitted?.initialInterval, fitted?.initialVerdict, missing: "no quiz answers yet"),
                projected: Dictionary(uniqueKeysWithValues: (fitted?.projections ?? []).filter { $0.hops == 0 && Self.projectedDays.contains($0.days) }.map { projection in
                    ("\(Int(projection.days))", Self.estimate(projection.recall, projection.interval, fitted?.verdict, missing: ""))
                }),
                byHops: Dictionary(grouping: answers, by: { Self.hopLabel($0.hops) }).mapValues(Self.rate),
                mostCommonWrongAnswer: Self.mostCommonWrong(answers, questions: questions),
                freeTextPresent: counts[.present] ?? 0, freeTextMissing: counts[.missing] ?? 0, freeTextDistorted: counts[.distorted] ?? 0,
                stillOnOldVersion: stale[point.id] ?? [],
                curve: Self.curve(fitted, guess: guess),
                observed: Self.delayBins(answers),
                observedThroughDays: answers.filter { $0.hops == 0 }.compactMap(\.days).max(),
                guessFloor: guess
            )
        }
        let fidelities = Self.relayFidelities(input.relays, with: fidelity)
        let relays = Self.relayReports(input.relays, fidelities: fidelities, page: self.relayPage, with: fidelity)
        return MessageReport(
            message: message.id, version: message.version, title: message.title, quizAnswers: input.answers.map(\.count).reduce(0, +),
            people: Set(input.answers.map(\.personID)).count, keyPoints: keyPoints,
            retentionPerHop: Self.estimate(fit?.rho, fit?.rhoInterval, fit?.rhoVerdict, missing: "no quiz answers yet"),
            halfLifeDays: Self.estimate(fit?.messageHalfLife, fit?.messageHalfLifeInterval, fit?.messageHalfLifeVerdict, missing: "no quiz answers yet"),
            shape: Self.shape(fit),
            relays: relays,
            meanRelayFidelity: Self.mean(fidelities.compactMap { $0 }),
            relaysTotal: input.relays.count, relaysOffset: self.relayPage.range(count: input.relays.count).lowerBound,
            relayPeople: Set(input.relays.map(\.from)).count,
            versions: Self.versions(input.versions)
        )
    }

    /// The relays of `page`, worst fidelity first (ties in arrival order; relays with no point scored, such as ones in
    /// a language the message has no concepts for, last), each with its verdict per key point.
    public static func relayReports(
        _ relays: [MessageReportInput.Relay], fidelities: [Double?], page: RelayPage, with scorer: FidelityScorer
    ) -> [MessageReport.RelayReport] {
        let ranked = relays.indices.sorted { (fidelities[$0] ?? 2, $0) < (fidelities[$1] ?? 2, $1) }
        return ranked[page.range(count: ranked.count)].map { index -> MessageReport.RelayReport in
            let relay = relays[index]
            let report = scorer.score(relay.text)
            return MessageReport.RelayReport(
                from: relay.from, at: relay.at, recipients: relay.recipients, fidelity: report.fidelity,
                missing: report.points.filter { $0.status.kind == .missing }.map(\.keyPointID),
                distorted: report.points.filter { $0.status.kind == .distorted }.map(\.keyPointID),
                rouge1Recall: report.wordingDrift.rouge1Recall,
                points: Dictionary(uniqueKeysWithValues: report.points.map { ($0.keyPointID, $0.status.label) }),
                text: relay.text, highlights: RelayHighlights.find(in: relay.text, points: report.points)
            )
        }
    }

    /// Per key point, the people still on each older version (newest version first).
    static func oldVersionCounts(message: Message, surveys: [Survey], evidence: OldVersionEvidence?) -> [String: [MessageReport.OldVersionCount]] {
        guard let evidence else { return [:] }
        let claims = OldVersionClaims(current: message, previous: evidence.previous)
        let holders = claims.holders(evidence, surveys: surveys, keyPointOrder: message.keyPoints.map(\.id))
        return Dictionary(grouping: holders, by: \.keyPoint).mapValues { group in
            Dictionary(grouping: group, by: \.version).map { MessageReport.OldVersionCount(version: $0.key, people: Set($0.value.map(\.person)).count) }
                .sorted { $0.version > $1.version }
        }
    }

    /// The mean of the scored relays' fidelities; nil when none was scored.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Each relay's fidelity, scored on every core (relays are independent, and there can be thousands); the
    /// full report with wording drift is built only for the relays the report lists.
    public static func relayFidelities(_ relays: [MessageReportInput.Relay], with scorer: FidelityScorer) -> [Double?] {
        ParallelSlots.map(relays.count) { FidelityScorer.fidelity(scorer.pointScores(relays[$0].text)) }
    }

    /// Statuses per key point of free texts scored here (when the store has none): each distinct text once per question,
    /// because free texts repeat (short answers, copied phrasings).
    static func countStatuses(_ texts: [(person: String, keyPoints: [String], text: String)], message: Message) -> [String: [PointStatus.Kind: Int]] {
        var counts: [String: [PointStatus.Kind: Int]] = [:]
        var scorers = SubsetScorers(message: message)
        var scored: [FreeTextKey: [PointScore]] = [:]
        for item in texts {
            let key = FreeTextKey(keyPoints: item.keyPoints, text: item.text)
            let points = scored[key] ?? scorers.scorer(for: item.keyPoints).pointScores(item.text)
            scored[key] = points
            for point in points { counts[point.keyPointID, default: [:]][point.status.kind, default: 0] += 1 }
        }
        return counts
    }

    private struct FreeTextKey: Hashable {
        var keyPoints: [String]
        var text: String
    }

    /// Answers with a known delivery become observations: days since delivery, hops, and the question's guessing floor.
    private func fit(_ answers: [MessageReportInput.QuizAnswer], questions: [String: Question]) -> ForgettingFit? {
        let observations = answers.compactMap { answer -> RecallObservation? in
            guard let days = answer.days, let hops = answer.hops, let question = questions["\(answer.surveyID)/\(answer.questionID)"] else {
                return nil
            }
            let guess = question.kind == .multiChoice ? 0 : 1 / Double(max(question.choices.count, 1))
            return RecallObservation(
                personID: answer.personID, keyPointID: answer.keyPointID, days: days, hops: hops, guess: guess, correct: answer.correct,
                weight: Double(answer.count))
        }
        guard !observations.isEmpty else { return nil }
        let days = Self.projectedDays.union(Self.curveDays).sorted()
        return ForgettingFitter(options: ForgettingFitOptions(projectionDays: days, bootstrap: self.bootstrap)).fit(observations)
    }

    /// Each person's latest answer (as a group of one): what they know now.
    static func latestPerPerson(_ answers: [MessageReportInput.QuizAnswer]) -> [MessageReportInput.QuizAnswer] {
        var latest: [String: MessageReportInput.QuizAnswer] = [:]
        latest.reserveCapacity(answers.count)
        for answer in answers where latest[answer.personID].map({ $0.submittedAt < answer.submittedAt }) ?? true {
            latest[answer.personID] = answer
        }
        return latest.values.map { answer in
            var single = answer
            single.count = 1
            return single
        }
    }

    static func rate(_ answers: [MessageReportInput.QuizAnswer]) -> MessageReport.Rate {
        let proportion = Proportion(
            successes: answers.filter(\.correct).map(\.count).reduce(0, +), trials: answers.map(\.count).reduce(0, +),
            people: Set(answers.map(\.personID)).count)
        let interval = proportion.isDisplayable ? proportion.wilson() : nil
        return MessageReport.Rate(
            correct: proportion.successes, answers: proportion.trials, people: proportion.people, rate: proportion.displayRate,
            low: interval?.lower, high: interval?.upper, text: proportion.displayText()
        )
    }

    static func hopLabel(_ hops: Int?) -> String {
        guard let hops else { return "unknown" }
        return hops >= 2 ? "2+" : String(hops)
    }

    static func estimate(_ value: Double?, _ interval: BootstrapInterval?, _ verdict: FitVerdict?, missing: String) -> MessageReport.Estimate {
        guard let value, let verdict else { return MessageReport.Estimate(value: nil, low: nil, high: nil, note: missing) }
        guard verdict.isReported else { return MessageReport.Estimate(value: nil, low: nil, high: nil, note: verdict.explanation) }
        guard let interval else { return MessageReport.Estimate(value: value, low: nil, high: nil, note: Self.noInterval) }
        return MessageReport.Estimate(value: value, low: interval.lower, high: interval.upper, note: "95% bootstrap interval over people")
    }

    /// The days of ``MessageReport/KeyPointReport/projected``.
    static let projectedDays: Set<Double> = [30, 60, 90]

    /// The note of a figure fitted without bootstrap resamples.
    static let noInterval = "point estimate only: no interval (0 bootstrap resamples)"

    /// The fitted shape with its interval, or the assumed one with the reason it was not fitted.
    static func shape(_ fit: ForgettingFit?) -> MessageReport.Estimate {
        guard let fit, !fit.keyPoints.isEmpty else { return MessageReport.Estimate(value: nil, low: nil, high: nil, note: "no quiz answers yet") }
        if let assumption = fit.shapeAssumption { return MessageReport.Estimate(value: nil, low: nil, high: nil, note: assumption) }
        return self.estimate(fit.shape, fit.shapeInterval, fit.shapeVerdict, missing: "")
    }

    /// The wrong option chosen most often for any question on the point: the distortion that is spreading.
    static func mostCommonWrong(_ answers: [MessageReportInput.QuizAnswer], questions: [String: Question]) -> MessageReport.WrongAnswer? {
        var counts: [String: (questionID: String, optionID: String, surveyID: String, count: Int)] = [:]
        var wrongByQuestion: [String: Int] = [:]
        for answer in answers where !answer.correct {
            let question = "\(answer.surveyID)/\(answer.questionID)"
            wrongByQuestion[question, default: 0] += answer.count
            let correct = Set(questions[question]?.correct ?? [])
            for option in answer.choices where !correct.contains(option) {
                counts["\(question)/\(option)", default: (answer.questionID, option, answer.surveyID, 0)].count += answer.count
            }
        }
        guard let top = counts.values.max(by: { ($0.count, $1.optionID) < ($1.count, $0.optionID) }) else { return nil }
        let question = questions["\(top.surveyID)/\(top.questionID)"]
        let text = question?.choices.first { $0.id == top.optionID }?.text ?? top.optionID
        let total = wrongByQuestion["\(top.surveyID)/\(top.questionID)"] ?? top.count
        return MessageReport.WrongAnswer(questionID: top.questionID, optionID: top.optionID, text: text, count: top.count, share: Double(top.count) / Double(total))
    }
}
