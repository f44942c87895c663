import Foundation

extension RecheckSimulationRun {
    /// On every `refitDays`-th day, and as soon as a delivered message has answers but no curve yet.
    func refitDue(_ day: Int) -> Bool {
        day % self.settings.refitDays == 0
            || (0..<self.settings.messages).contains { self.delivered[$0] && self.curves[$0] == nil && !self.observations[$0].isEmpty }
    }

    /// Refits what the product fits on the answers seen so far: each message's population curve (point estimate, as
    /// the planner does) and, for the per-rep policy, the personal model on every graded answer.
    mutating func refit(on day: Int) {
        for message in 0..<self.settings.messages where self.delivered[message] && !self.observations[message].isEmpty {
            let fit = ForgettingFitter(options: ForgettingFitOptions(bootstrap: nil)).fit(self.observations[message])
            let ids = self.points(of: message).map { String($0) }
            let byID = RecheckPlanner.curves(fit, keyPoints: ids)
            self.curves[message] = ids.map { byID[$0]! }
        }
        guard self.policy == .personal else { return }
        let perMessage = self.settings.keyPointsPerMessage
        let examples = self.answers.compactMap { answer -> PersonalRecallFitter.Example? in
            guard let curve = self.curves[answer.point / perMessage]?[answer.point % perMessage] else { return nil }
            return PersonalRecallFitter.Example(
                state: answer.state, at: answer.at, prior: curve.recall(days: answer.daysSinceDelivery, hops: answer.hops), guess: RecallTruth.guess,
                correct: answer.correct)
        }
        guard examples.count >= self.settings.minimumAnswers else {
            self.model = RecheckPlanner.curveAlone
            self.modelNote = "population curve alone on day \(day): \(examples.count) graded answers, fewer than \(self.settings.minimumAnswers)"
            return
        }
        let sample = RecheckPlanner.evenSample(examples, limit: self.settings.maximumFitAnswers)
        let fitted = PersonalRecallFitter().fit(sample)
        self.model = fitted.model
        let sampled = sample.count < examples.count ? " (an even sample of \(sample.count))" : ""
        self.modelNote = String(
            format: "last fitted on day %d on %d graded answers%@, training log loss %.3f; weights %@", day, examples.count, sampled,
            fitted.logLoss, fitted.model.weights.map { String(format: "%.2f", $0) }.joined(separator: " "))
    }

    /// Fixed: every (rep, key point) whose schedule says so, in one batch per rep.
    mutating func askFixed(on day: Int) {
        for rep in 0..<self.settings.reps {
            let due = (0..<self.pointCount).filter { point in
                self.fixed[self.index(rep, point)]?.nextAsk.map { $0 <= day } ?? false
            }
            if !due.isEmpty { self.send(due, to: rep, on: day, initial: false) }
        }
    }

    /// Population: a message whose curve (point estimate, averaged over the reps' hops) projects a key point below the
    /// target within the look-ahead, counted from its delivery or latest round, re-asks everybody its weakest points; at
    /// most one round per `min_days`. The digest also requires the curve's figures to be reported (docs/demo-model.md).
    mutating func askPopulation(on day: Int) {
        let policy = self.settings.policy
        for message in 0..<self.settings.messages where self.delivered[message] {
            guard let curves = self.curves[message], day - self.lastRound[message] >= policy.minDays else { continue }
            let start = day == self.settings.deliveryDay(message) ? self.deliveredAt(message) : Double(self.lastRound[message]) + Self.sendTime
            let horizon = Double(day + self.settings.lookaheadDays) + Self.sendTime - start
            var due: [RecheckPlan.Point] = []
            for (offset, point) in self.points(of: message).enumerated() {
                let projected = zip(self.hopCounts.indices, self.hopCounts).reduce(0) { sum, hop in
                    sum + Double(hop.1) * curves[offset].recall(days: horizon, hops: hop.0)
                } / Double(self.settings.reps)
                guard RecheckPlanner.isDue(recallAtSend: projected, target: policy.target) else { continue }
                due.append(RecheckPlan.Point(keyPoint: String(point), survey: "", question: "", recallNow: projected, recallAtSend: projected))
            }
            let asked = RecheckPlanner.weakest(due, questions: policy.questions).compactMap { Int($0.keyPoint) }
            guard !asked.isEmpty else { continue }
            for rep in 0..<self.settings.reps { self.send(asked, to: rep, on: day, initial: false) }
            self.lastRound[message] = day
        }
    }

    /// Per-rep: the planner's rule with the personal model: a rep outside the weekly cap is re-asked the weakest key
    /// points predicted below the target at the send time (none answered right in the last `min_days`), of the most
    /// decayed message.
    mutating func askPersonal(on day: Int) {
        let policy = self.settings.policy
        let sendAt = Double(day) + Self.sendTime
        for rep in 0..<self.settings.reps where day - self.lastContact[rep] >= self.settings.capDays {
            var best: [RecheckPlan.Point] = []
            for message in 0..<self.settings.messages where self.delivered[message] {
                guard let curves = self.curves[message] else { continue }
                var due: [RecheckPlan.Point] = []
                for (offset, point) in self.points(of: message).enumerated() {
                    let index = self.index(rep, point)
                    guard day - self.lastRight[index] >= policy.minDays else { continue }
                    let prior = curves[offset].recall(days: sendAt - self.deliveredAt(message), hops: self.reps[rep].hops)
                    let recall = self.model.probability(self.states[index], at: sendAt * 86_400, prior: prior)
                    self.check.add(predicted: recall, truth: self.memory[index].knowing(on: sendAt))
                    guard RecheckPlanner.isDue(recallAtSend: recall, target: policy.target) else { continue }
                    due.append(RecheckPlan.Point(keyPoint: String(point), survey: "", question: "", recallNow: recall, recallAtSend: recall))
                }
                let weakest = RecheckPlanner.weakest(due, questions: policy.questions)
                if let first = weakest.first, best.first.map({ first.recallAtSend < $0.recallAtSend }) ?? true { best = weakest }
            }
            guard !best.isEmpty else { continue }
            self.send(best.compactMap { Int($0.keyPoint) }, to: rep, on: day, initial: false)
            self.lastContact[rep] = day
        }
    }
}
