import Foundation

/// One policy's pass over the simulated reps, day by day: broadcasts, the policy's questions, answers (the truth
/// model decides them), refits of what the product would fit, and the truth measured every day.
struct RecheckSimulationRun: Sendable {
    /// A rep answering a batch of questions on a day, or being reminded of a quiz they left silent.
    struct Event: Sendable {
        var rep: Int
        var points: [Int]
        var nudge: Bool
    }

    /// One graded answer as the product records it, kept to fit the personal model on.
    struct GradedAnswer: Sendable {
        var point: Int
        /// The rep's state just before the answer.
        var state: RecallState
        var at: Double
        var daysSinceDelivery: Double
        var hops: Int
        var correct: Bool
    }

    /// Times of day, as fractions: broadcasts arrive at 9:00, re-checks go out at 10:00 (the planner's send time),
    /// answers come in the afternoon, the truth is measured in the evening.
    static let deliveryTime = 9.0 / 24
    static let sendTime = 10.0 / 24
    static let answerTime = 14.5 / 24
    static let measureTime = 21.0 / 24

    let settings: RecheckSimulationSettings
    let policy: RecheckSimulationPolicy
    let reps: [RecallTruth.Rep]
    let difficulty: [Double]
    let pointCount: Int
    let hopCounts: [Int]
    var random: [SeededRandom]
    var memory: [SimulatedMemory]
    var delivered: [Bool]
    var agenda: [[Event]]
    var fixed: [FixedSchedule?]
    var states: [RecallState]
    var lastRight: [Int]
    var lastContact: [Int]
    var answers: [GradedAnswer] = []
    var observations: [[RecallObservation]]
    /// Per message, the population curve of each key point.
    var curves: [[ForgettingCurve]?]
    /// The per-rep model's predictions at its decisions against the truth.
    var check = PredictionCheck()
    var lastRound: [Int]
    var model = RecheckPlanner.curveAlone
    var modelNote = "population curve alone (not fitted yet)"
    var questions = 0
    var recheckQuestions = 0
    var answered = 0
    var nudges = 0
    var recallSum = 0.0
    var below = 0
    var cells = 0

    init(settings: RecheckSimulationSettings, policy: RecheckSimulationPolicy) {
        self.settings = settings
        self.policy = policy
        var traits = SeededRandom(seed: settings.seed)
        self.reps = (0..<settings.reps).map { _ in RecallTruth.rep(using: &traits) }
        self.pointCount = settings.messages * settings.keyPointsPerMessage
        self.difficulty = (0..<self.pointCount).map { _ in RecallTruth.difficulty(using: &traits) }
        var hopCounts = [Int](repeating: 0, count: RecallTruth.hopShares.count)
        for rep in self.reps { hopCounts[rep.hops] += 1 }
        self.hopCounts = hopCounts
        self.random = (0..<settings.reps).map { SeededRandom(seed: settings.seed ^ (UInt64($0 + 1) &* 0xD1B5_4A32_D192_ED03)) }
        let cells = settings.reps * self.pointCount
        self.memory = [SimulatedMemory](repeating: SimulatedMemory(strength: 0, stability: 1, since: 0), count: cells)
        self.delivered = [Bool](repeating: false, count: settings.messages)
        self.agenda = [[Event]](repeating: [], count: settings.days)
        self.fixed = [FixedSchedule?](repeating: nil, count: cells)
        self.states = [RecallState](repeating: RecallState(), count: cells)
        self.lastRight = [Int](repeating: Int.min / 2, count: cells)
        self.lastContact = [Int](repeating: Int.min / 2, count: settings.reps)
        self.observations = [[RecallObservation]](repeating: [], count: settings.messages)
        self.curves = [[ForgettingCurve]?](repeating: nil, count: settings.messages)
        self.lastRound = (0..<settings.messages).map(settings.deliveryDay)
    }

    var row: RecheckSimulationResult.Row {
        let reps = Double(self.settings.reps)
        return RecheckSimulationResult.Row(
            policy: self.policy, questionsPerRep: Double(self.questions) / reps, recheckQuestionsPerRep: Double(self.recheckQuestions) / reps,
            answersPerRep: Double(self.answered) / reps, meanRecall: self.cells == 0 ? .nan : self.recallSum / Double(self.cells),
            belowTarget: self.cells == 0 ? .nan : Double(self.below) / Double(self.cells), nudges: self.nudges)
    }

    mutating func simulate() {
        for day in 0..<self.settings.days {
            for message in 0..<self.settings.messages where self.settings.deliveryDay(message) == day {
                self.deliver(message, on: day)
            }
            if self.policy == .population || self.policy == .personal, self.refitDue(day) {
                self.refit(on: day)
            }
            if RecheckSimulationSettings.isWorkingDay(day) {
                switch self.policy {
                case .none: break
                case .fixed: self.askFixed(on: day)
                case .population: self.askPopulation(on: day)
                case .personal: self.askPersonal(on: day)
                }
            }
            for event in self.agenda[day] {
                if event.nudge {
                    self.nudges += 1
                    self.lastContact[event.rep] = day
                } else {
                    self.answer(event, on: day)
                }
            }
            self.measure(on: day)
        }
    }

    func index(_ rep: Int, _ point: Int) -> Int {
        rep * self.pointCount + point
    }

    func points(of message: Int) -> Range<Int> {
        message * self.settings.keyPointsPerMessage..<(message + 1) * self.settings.keyPointsPerMessage
    }

    func deliveredAt(_ message: Int) -> Double {
        Double(self.settings.deliveryDay(message)) + Self.deliveryTime
    }

    /// A broadcast reaches every rep (their memory starts, the product records an exposure) with its quiz.
    mutating func deliver(_ message: Int, on day: Int) {
        self.delivered[message] = true
        let at = Double(day) + Self.deliveryTime
        for rep in 0..<self.settings.reps {
            for point in self.points(of: message) {
                let index = self.index(rep, point)
                self.memory[index] = RecallTruth.delivered(to: self.reps[rep], difficulty: self.difficulty[point], on: at)
                self.states[index].exposed(at: at * 86_400)
                if self.policy == .fixed { self.fixed[index] = FixedSchedule(firstAsk: day) }
            }
            self.send(Array(self.points(of: message)), to: rep, on: day, initial: true)
        }
    }

    /// Questions go out to a rep: whether and when they answer is drawn now; a silent initial quiz gets reminders.
    mutating func send(_ points: [Int], to rep: Int, on day: Int, initial: Bool) {
        self.questions += points.count
        if !initial { self.recheckQuestions += points.count }
        for point in points { self.fixed[self.index(rep, point)]?.asked() }
        var answerDay: Int?
        if self.random[rep].chance(self.reps[rep].responseRate) {
            answerDay = RecheckSimulationSettings.workingDays(RecallTruth.answerDelay(using: &self.random[rep]), after: day)
        } else if initial, self.policy.nudges {
            for (number, after) in self.settings.nudgeAfter.enumerated() {
                let nudgeDay = RecheckSimulationSettings.workingDays(after, after: day)
                self.schedule(Event(rep: rep, points: [], nudge: true), on: nudgeDay)
                if self.random[rep].chance(RecallTruth.nudgeResponses[min(number, RecallTruth.nudgeResponses.count - 1)]) {
                    answerDay = nudgeDay
                    break
                }
            }
        }
        if let answerDay, answerDay < self.settings.days {
            self.schedule(Event(rep: rep, points: points, nudge: false), on: answerDay)
        } else {
            for point in points { self.fixed[self.index(rep, point)]?.unanswered(sentOn: day) }
        }
    }

    mutating func schedule(_ event: Event, on day: Int) {
        guard day < self.settings.days else { return }
        self.agenda[day].append(event)
    }

    /// The rep answers; the truth decides right or wrong and re-learns; the product records the graded answer.
    mutating func answer(_ event: Event, on day: Int) {
        let rep = event.rep
        let at = Double(day) + Self.answerTime
        for point in event.points {
            let index = self.index(rep, point)
            let (correct, memory) = RecallTruth.answer(self.memory[index], rep: self.reps[rep], on: at, using: &self.random[rep])
            self.memory[index] = memory
            self.answered += 1
            self.fixed[index]?.answered(correct: correct, on: day)
            guard self.policy == .population || self.policy == .personal else { continue }
            let message = point / self.settings.keyPointsPerMessage
            let days = at - self.deliveredAt(message)
            self.observations[message].append(RecallObservation(
                personID: String(rep), keyPointID: String(point), days: days, hops: self.reps[rep].hops, guess: RecallTruth.guess, correct: correct))
            self.answers.append(GradedAnswer(
                point: point, state: self.states[index], at: at * 86_400, daysSinceDelivery: days, hops: self.reps[rep].hops, correct: correct))
            self.states[index].answered(correct: correct, at: at * 86_400)
            if correct { self.lastRight[index] = day }
        }
    }

    /// The truth's probability of knowing every delivered point, summed for the period's mean.
    mutating func measure(on day: Int) {
        let at = Double(day) + Self.measureTime
        let target = self.settings.policy.target
        for message in 0..<self.settings.messages where self.delivered[message] {
            for rep in 0..<self.settings.reps {
                for point in self.points(of: message) {
                    let knowing = self.memory[self.index(rep, point)].knowing(on: at)
                    self.recallSum += knowing
                    if knowing < target { self.below += 1 }
                    self.cells += 1
                }
            }
        }
    }
}
