import Foundation

/// Plans re-checks: for every rep and key point of a message with re-checks on, the probability that the rep still
/// knows the point, from the message's population curve (fitted here, point estimate) and the rep's own history
/// through ``PersonalRecallModel`` (fitted here on every graded answer). A rep is due when a point's predicted recall
/// at the send time (10:00 on their next working day) falls below the message's target; the re-check asks the
/// weakest points, each with a question not answered right in the last `min_days`, one message per rep: the most
/// decayed. Pure and deterministic.
public struct RecheckPlanner: Sendable {
    /// One quiz question that can re-check a key point.
    public struct QuizQuestion: Sendable, Equatable {
        public var survey: String
        public var question: String
        public var guess: Double
    }

    public var messages: [Message]
    /// Message id, then key point id, to the quiz questions on it, in survey order.
    public var questions: [String: [String: [QuizQuestion]]]
    /// Message id, then question id, to the question's guessing floor (question ids repeat across messages).
    var guesses: [String: [String: Double]] = [:]
    /// Fewest graded answers to fit the personal model on; below it the population curve alone predicts.
    public var minimumAnswers = 50
    /// Most answers the personal model is fitted on: seven weights need far fewer (the re-check simulation refits on
    /// 10,000 too), and a channel of a million answers would otherwise spend most of a planning pass fitting.
    public var maximumFitAnswers = 10_000
    /// About the most answers a message's population curve is fitted on: a point estimate of four parameters per key
    /// point is as good from a random sixth of a 260,000-answer message, at a sixth of the time.
    public var maximumCurveAnswers = 50_000

    public init(catalog: ContentCatalog) {
        self.messages = catalog.sortedMessages
        var questions: [String: [String: [QuizQuestion]]] = [:]
        for message in catalog.sortedMessages {
            for survey in catalog.surveys(forMessage: message.id) {
                for question in survey.questions where question.isQuiz && (question.kind == .singleChoice || question.kind == .yesNo) {
                    guard let point = question.keyPoint else { continue }
                    let guess = question.choices.isEmpty ? 0 : 1 / Double(question.choices.count)
                    questions[message.id, default: [:]][point, default: []].append(
                        QuizQuestion(survey: survey.id, question: question.id, guess: guess))
                }
            }
        }
        self.questions = questions
        self.guesses = questions.mapValues { points in
            Dictionary(points.values.flatMap { $0 }.map { ($0.question, $0.guess) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public func plan(_ input: RecheckInput, asOf: Date) -> RecheckPlan {
        let answers = input.answers.filter { $0.at <= asOf }.sorted { ($0.at, $0.person, $0.question) < ($1.at, $1.person, $1.question) }
        let deliveries = input.deliveries.filter { $0.at <= asOf }.sorted { ($0.at, $0.person) < ($1.at, $1.person) }
        let deliveriesByKey = Dictionary(grouping: deliveries) { PersonMessage(person: $0.person, message: $0.message) }
        var skipped: [String: String] = [:]
        var curves: [String: [String: ForgettingCurve]] = [:]
        var fittable: [Message] = []
        for message in self.messages {
            guard message.recheck != nil else { skipped[message.id] = "recheck: off"; continue }
            guard self.questions[message.id] != nil else { skipped[message.id] = "no quiz question to re-check with"; continue }
            fittable.append(message)
        }
        for (message, curve) in zip(fittable, self.populationCurves(fittable, answers: answers, deliveries: deliveriesByKey)) {
            guard let curve else {
                skipped[message.id] = "no graded answers after a delivery to fit the message's curve"
                continue
            }
            curves[message.id] = curve
        }
        let timelines = Dictionary(grouping: answers) { TimelineKey(person: $0.person, message: $0.message, keyPoint: $0.keyPoint) }
        let (model, modelNote) = self.personalModel(timelines: timelines, answers: answers.count, deliveries: deliveriesByKey, curves: curves)
        let deliveriesByPerson = Dictionary(grouping: deliveries, by: \.person)
        var due: [RecheckPlan.Due] = []
        var slots: [String: (zone: TimeZone, sendAt: Date)] = [:]
        for rep in input.reps.sorted(by: { $0.id < $1.id }) {
            let slot = slots[rep.timezone] ?? {
                let zone = TimeZone(identifier: rep.timezone) ?? TimeZone(identifier: "UTC")!
                return (zone, Self.nextSendTime(after: asOf, in: zone))
            }()
            slots[rep.timezone] = slot
            let (timeZone, sendAt) = slot
            var best: RecheckPlan.Due?
            for message in self.messages {
                guard let policy = message.recheck, let messageCurves = curves[message.id] else { continue }
                let stale = input.staleClaims[message.id]?[rep.id]
                let received = (deliveriesByPerson[rep.id] ?? []).filter { $0.message == message.id }
                guard let latest = received.last else { continue }
                let onPoint = Dictionary(message.keyPoints.map { point in
                    (point.id, timelines[TimelineKey(person: rep.id, message: message.id, keyPoint: point.id)] ?? [])
                }, uniquingKeysWith: { first, _ in first })
                let mine = message.keyPoints.flatMap { onPoint[$0.id] ?? [] }
                var points: [RecheckPlan.Point] = []
                for point in message.keyPoints {
                    guard let curve = messageCurves[point.id], let candidates = self.questions[message.id]?[point.id] else { continue }
                    let state = Self.state(answers: onPoint[point.id] ?? [], deliveries: received)
                    let prior = { (time: Date) in curve.recall(days: time.timeIntervalSince(latest.at) / 86_400, hops: latest.hops) }
                    let now = model.probability(state, at: asOf.timeIntervalSince1970, prior: prior(asOf))
                    let atSend = model.probability(state, at: sendAt.timeIntervalSince1970, prior: prior(sendAt))
                    guard Self.isDue(recallAtSend: atSend, target: policy.target) || stale?.keyPoint == point.id else { continue }
                    let recentRight = Set(mine.filter { $0.correct && asOf.timeIntervalSince($0.at) < Double(policy.minDays) * 86_400 }.map(\.question))
                    let asked = Dictionary(mine.map { ($0.question, $0.at) }, uniquingKeysWith: max)
                    let eligible = candidates.filter { !recentRight.contains($0.question) }
                    guard let question = eligible.min(by: { (asked[$0.question] ?? .distantPast, $0.question) < (asked[$1.question] ?? .distantPast, $1.question) })
                    else { continue }
                    points.append(RecheckPlan.Point(
                        keyPoint: point.id, survey: question.survey, question: question.question, recallNow: now, recallAtSend: atSend))
                }
                guard !points.isEmpty else { continue }
                points = Self.staleFirst(stale, in: Self.weakest(points, questions: points.count), limit: policy.questions)
                let weakest = points[0]
                let candidate = RecheckPlan.Due(
                    person: rep.id, name: rep.name, partner: rep.partner, message: message.id, version: message.version, sendAt: sendAt,
                    timezone: timeZone.identifier, target: policy.target, points: points,
                    reason: Self.staleReason(stale, points: points) ?? String(format: "predicted recall of %@ falls to %.0f%% by the send time (now %.0f%%), below the target %.0f%%",
                                   weakest.keyPoint, weakest.recallAtSend * 100, weakest.recallNow * 100, policy.target * 100)
                )
                if best.map({ Self.prefers(candidate, over: $0, stale: input.staleClaims) }) ?? true { best = candidate }
            }
            if let best { due.append(best) }
        }
        due.sort { ($0.sendAt, $0.points[0].recallAtSend, $0.person) < ($1.sendAt, $1.points[0].recallAtSend, $1.person) }
        return RecheckPlan(asOf: asOf, model: modelNote, due: due, skipped: skipped)
    }

    /// A person's state for one key point: every delivery of the message and every answer on the point.
    static func state(answers: [RecheckInput.Answer], deliveries: [RecheckInput.Delivery]) -> RecallState {
        var events: [(at: Date, correct: Bool?)] = deliveries.map { ($0.at, nil) } + answers.map { ($0.at, $0.correct) }
        events.sort { ($0.at, $0.correct == nil ? 0 : 1) < ($1.at, $1.correct == nil ? 0 : 1) }
        var state = RecallState()
        for event in events {
            if let correct = event.correct {
                state.answered(correct: correct, at: event.at.timeIntervalSince1970)
            } else {
                state.exposed(at: event.at.timeIntervalSince1970)
            }
        }
        return state
    }

    /// Every message's population curves, fitted side by side (one fit per core): the fits are independent.
    func populationCurves(_ messages: [Message], answers: [RecheckInput.Answer], deliveries: [PersonMessage: [RecheckInput.Delivery]]) -> [[String: ForgettingCurve]?] {
        let results = FitResults(count: messages.count)
        DispatchQueue.concurrentPerform(iterations: messages.count) { index in
            results.set(index, self.populationCurves(messages[index], answers: answers, deliveries: deliveries))
        }
        return results.values
    }

    /// The message's population curve per key point: answers timed from the person's latest delivery before them.
    func populationCurves(_ message: Message, answers: [RecheckInput.Answer], deliveries: [PersonMessage: [RecheckInput.Delivery]]) -> [String: ForgettingCurve]? {
        let guesses = self.guesses[message.id] ?? [:]
        let mine = answers.filter { $0.message == message.id }
        let stride = UInt64(max(1, mine.count / max(1, self.maximumCurveAnswers)))
        let observations = mine.enumerated().compactMap { index, answer -> RecallObservation? in
            guard stride == 1 || Self.scrambled(index) % stride == 0 else { return nil }
            guard let delivery = deliveries[PersonMessage(person: answer.person, message: answer.message)]?.last(where: { $0.at <= answer.at }) else { return nil }
            return RecallObservation(
                personID: answer.person, keyPointID: answer.keyPoint, days: answer.at.timeIntervalSince(delivery.at) / 86_400,
                hops: delivery.hops, guess: guesses[answer.question] ?? 0, correct: answer.correct)
        }
        guard !observations.isEmpty else { return nil }
        let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(observations)
        return Self.curves(fit, keyPoints: message.keyPoints.map(\.id))
    }

    /// A fit's curve per key point; a point without answers of its own gets the message level.
    static func curves(_ fit: ForgettingFit, keyPoints: [String]) -> [String: ForgettingCurve] {
        var curves: [String: ForgettingCurve] = [:]
        for point in keyPoints {
            let fitted = fit.keyPoints.first { $0.id == point }
            curves[point] = ForgettingCurve(
                initial: fitted?.initial ?? fit.messageInitial, halfLife: fitted?.halfLife ?? fit.messageHalfLife, rho: fit.rho ?? 1, shape: fit.shape)
        }
        return curves
    }

    /// Whether a key point is due: its predicted recall at the send time is below the target.
    static func isDue(recallAtSend: Double, target: Double) -> Bool {
        recallAtSend < target
    }

    /// The points a re-check asks: the weakest first (ties by key point), at most `questions`.
    static func weakest(_ points: [RecheckPlan.Point], questions: Int) -> [RecheckPlan.Point] {
        Array(points.sorted { ($0.recallAtSend, $0.keyPoint) < ($1.recallAtSend, $1.keyPoint) }.prefix(questions))
    }

    /// The personal model fitted on every graded answer, each with the person's state just before it and the
    /// population curve's prediction; the curve alone (weight 1 on its logit) when there are too few answers.
    func personalModel(
        timelines: [TimelineKey: [RecheckInput.Answer]], answers: Int, deliveries deliveriesByKey: [PersonMessage: [RecheckInput.Delivery]],
        curves: [String: [String: ForgettingCurve]]
    ) -> (PersonalRecallModel, String) {
        var examples: [PersonalRecallFitter.Example] = []
        var seen = 0
        let stride = max(1, answers / max(1, self.maximumFitAnswers))
        for key in timelines.keys.sorted() {
            let mine = timelines[key] ?? []
            guard let first = mine.first, let curve = curves[first.message]?[first.keyPoint] else { continue }
            let received = deliveriesByKey[PersonMessage(person: first.person, message: first.message)] ?? []
            var state = RecallState()
            var pending = received[...]
            for answer in mine {
                while let next = pending.first, next.at <= answer.at {
                    state.exposed(at: next.at.timeIntervalSince1970)
                    pending = pending.dropFirst()
                }
                let time = answer.at.timeIntervalSince1970
                guard let delivery = received.last(where: { $0.at <= answer.at }) else { continue }
                defer { state.answered(correct: answer.correct, at: time) }
                seen += 1
                guard Self.scrambled(seen) % UInt64(stride) == 0 else { continue }
                let prior = curve.recall(days: answer.at.timeIntervalSince(delivery.at) / 86_400, hops: delivery.hops)
                examples.append(PersonalRecallFitter.Example(
                    state: state, at: time, prior: prior, guess: self.guesses[answer.message]?[answer.question] ?? 0, correct: answer.correct))
            }
        }
        guard seen >= self.minimumAnswers, examples.count >= self.minimumAnswers else {
            return (Self.curveAlone,
                    "population curve alone: \(seen) graded answers after a delivery, fewer than \(self.minimumAnswers) to fit the personal model")
        }
        let sample = Self.evenSample(examples, limit: self.maximumFitAnswers)
        let fitted = PersonalRecallFitter().fit(sample)
        let note = sample.count < seen ? String(format: " (an even sample of %d)", sample.count) : ""
        return (fitted.model, String(format: "personal model fitted on %d graded answers%@ (log loss %.3f)", seen, note, fitted.logLoss))
    }

    /// SplitMix64 of a counter: keeps about one answer in `stride` without locking onto a pattern in the order
    /// (every n-th answer of person-sorted timelines would pick the same position in every timeline).
    static func scrambled(_ counter: Int) -> UInt64 {
        var z = UInt64(truncatingIfNeeded: counter) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One person and one message: deliveries are looked up by both.
    struct PersonMessage: Hashable {
        var person: String
        var message: String
    }

    /// One person's answers on one key point of one message.
    struct TimelineKey: Hashable, Comparable {
        var person: String
        var message: String
        var keyPoint: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.person, lhs.message, lhs.keyPoint) < (rhs.person, rhs.message, rhs.keyPoint)
        }
    }

    /// The personal model that predicts with the population curve alone, for when there are too few answers to fit.
    static let curveAlone = PersonalRecallModel(weights: [0, 1, 0, 0, 0, 0, 0], priorRight: 1, priorWrong: 1)

    /// At most `limit` examples, evenly spread over the list (deterministic), so a large channel's fit stays quick.
    static func evenSample<T>(_ items: [T], limit: Int) -> [T] {
        guard items.count > limit, limit > 0 else { return items }
        let step = Double(items.count) / Double(limit)
        return (0..<limit).map { items[Int(Double($0) * step)] }
    }

    /// 10:00 local on the first working day (Monday to Friday) whose 10:00 is after `date`.
    public static func nextSendTime(after date: Date, in timeZone: TimeZone) -> Date {
        WorkingDays.nextSendTime(after: date, in: timeZone)
    }
}

/// Results of fits run side by side, each written once by its own iteration.
private final class FitResults: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[String: ForgettingCurve]?]

    init(count: Int) {
        self.stored = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: [String: ForgettingCurve]?) {
        self.lock.withLock { self.stored[index] = value }
    }

    var values: [[String: ForgettingCurve]?] {
        self.lock.withLock { self.stored }
    }
}
