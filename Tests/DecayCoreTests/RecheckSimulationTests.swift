import Foundation
import Testing

@testable import DecayCore

@Suite("Re-check simulation")
struct RecheckSimulationTests {
    @Test func theTruthForgetsAsAPowerLawFromTheLatestLearning() {
        let memory = SimulatedMemory(strength: 0.8, stability: 20, since: 10)
        #expect(memory.knowing(on: 5) == 0.8)
        #expect(memory.knowing(on: 10) == 0.8)
        #expect(abs(memory.knowing(on: 30) - 0.4) < 1e-12)
        // d = 0.5, c = 3: at three stabilities (1 + 9)^(-1/2) of the strength is left, far more than an exponential's 1/8.
        #expect(abs(memory.knowing(on: 70) - 0.8 / 10.0.squareRoot()) < 1e-12)
        #expect(memory.knowing(on: 40) > memory.knowing(on: 60))
    }

    @Test func aDeliveryTeachesTheRepsLearningLessRelayLoss() {
        let rep = RecallTruth.Rep(stability: 30, learning: 0.9, hops: 2, responseRate: 0.7)
        let memory = RecallTruth.delivered(to: rep, difficulty: 0.5, on: 3)
        #expect(abs(memory.strength - 0.9 * 0.8 * 0.8) < 1e-12)
        #expect(memory.stability == 15)
        #expect(memory.since == 3)
    }

    @Test func recallingStrengthensMoreWhenItIsHarder() {
        let rep = RecallTruth.Rep(stability: 20, learning: 0.8, hops: 0, responseRate: 0.7)
        var random = SeededRandom(seed: 7)
        let fresh = RecallTruth.answer(SimulatedMemory(strength: 1, stability: 10, since: 0), rep: rep, on: 0, using: &random)
        #expect(fresh.correct)
        #expect(fresh.memory == SimulatedMemory(strength: 1, stability: 10, since: 0))
        // At recall 0.45 (0.9 halved), a success multiplies stability by 1 + 2.5 × 0.55 and restores knowing to 0.97.
        var outcomes: [(correct: Bool, memory: SimulatedMemory)] = []
        for _ in 0..<50 {
            outcomes.append(RecallTruth.answer(SimulatedMemory(strength: 0.9, stability: 10, since: 0), rep: rep, on: 10, using: &random))
        }
        let recalled = outcomes.filter { $0.memory.strength == RecallTruth.recalledStrength }
        #expect(!recalled.isEmpty)
        #expect(recalled.allSatisfy { $0.correct && abs($0.memory.stability - 23.75) < 1e-9 && $0.memory.since == 10 })
        #expect(outcomes.allSatisfy { $0.memory.strength == RecallTruth.recalledStrength || $0.memory == SimulatedMemory(strength: 0.8, stability: 12, since: 10) })
    }

    @Test func feedbackReteachesWhatWasForgottenAndGuessesHitTheFloor() {
        let rep = RecallTruth.Rep(stability: 20, learning: 0.75, hops: 1, responseRate: 0.7)
        var random = SeededRandom(seed: 3)
        var right = 0
        let trials = 4_000
        for _ in 0..<trials {
            let (correct, memory) = RecallTruth.answer(SimulatedMemory(strength: 0, stability: 10, since: 0), rep: rep, on: 5, using: &random)
            if correct { right += 1 }
            // Re-learned from the feedback with the rep's own learning, no relay loss; stability × 1.2.
            #expect(memory == SimulatedMemory(strength: 0.75, stability: 12, since: 5))
        }
        #expect(abs(Double(right) / Double(trials) - RecallTruth.guess) < 0.03)
    }

    @Test func repsDifferAndAnswerAtARealisticRate() {
        var random = SeededRandom(seed: 11)
        let reps = (0..<4_000).map { _ in RecallTruth.rep(using: &random) }
        let stabilities = reps.map(\.stability).sorted()
        #expect(abs(stabilities[reps.count / 2] / RecallTruth.medianStability - 1) < 0.1)
        #expect(stabilities[reps.count / 10] < 15 && stabilities[reps.count * 9 / 10] > 40)
        let meanResponse = reps.map(\.responseRate).reduce(0, +) / Double(reps.count)
        #expect((0.6...0.8).contains(meanResponse))
        for hops in 0...2 {
            let share = Double(reps.filter { $0.hops == hops }.count) / Double(reps.count)
            #expect(abs(share - RecallTruth.hopShares[hops]) < 0.03)
        }
    }

    @Test func theFixedScheduleReasksAfterTwelveOrTwentyFourDaysAndRetiresAfterTwoRight() {
        var schedule = FixedSchedule(firstAsk: 0)
        #expect(schedule.nextAsk == 0)
        schedule.asked()
        #expect(schedule.nextAsk == nil)
        schedule.answered(correct: false, on: 2)
        #expect(schedule.nextAsk == 14)
        schedule.asked()
        schedule.answered(correct: true, on: 14)
        #expect(schedule.nextAsk == 38)
        schedule.asked()
        schedule.answered(correct: false, on: 39)
        #expect(schedule.nextAsk == 51 && schedule.rightInARow == 0)
        schedule.asked()
        schedule.unanswered(sentOn: 51)
        #expect(schedule.nextAsk == 63)
        schedule.asked()
        schedule.answered(correct: true, on: 63)
        #expect(schedule.nextAsk == 87 && !schedule.retired)
        schedule.asked()
        schedule.answered(correct: true, on: 87)
        #expect(schedule.retired && schedule.nextAsk == nil)
    }

    @Test func questionsAndAnswersFallOnWorkingDays() {
        #expect(RecheckSimulationSettings.workingDays(0, after: 4) == 4)
        #expect(RecheckSimulationSettings.workingDays(0, after: 5) == 7)
        #expect(RecheckSimulationSettings.workingDays(3, after: 3) == 8)
        #expect(RecheckSimulationSettings.workingDays(5, after: 6) == 14)
        let settings = RecheckSimulationSettings(days: 180)
        #expect((0..<3).map(settings.deliveryDay) == [0, 45, 91])
    }

    @Test func theSameSeedGivesTheSameResultAndAnotherSeedAnother() {
        let settings = RecheckSimulationSettings(reps: 100, days: 35, seed: 5)
        let first = RecheckSimulation(settings: settings).run()
        #expect(first == RecheckSimulation(settings: settings).run())
        var other = settings
        other.seed = 6
        #expect(RecheckSimulation(settings: other).run().rows != first.rows)
    }

    @Test func onASmallRunPerRepAsksFewerQuestionsThanFixedAndEveryReCheckHelps() {
        let result = RecheckSimulation(settings: RecheckSimulationSettings(reps: 200, days: 60, seed: 1)).run()
        let rows = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.policy, $0) })
        let none = rows[.none]!
        let fixed = rows[.fixed]!
        let personal = rows[.personal]!
        // Three broadcasts of three key points: the initial quizzes alone, and nobody nudged without re-checks.
        #expect(none.questionsPerRep == 9 && none.recheckQuestionsPerRep == 0 && none.nudges == 0)
        #expect(personal.questionsPerRep < fixed.questionsPerRep)
        for policy in [RecheckSimulationPolicy.fixed, .population, .personal] {
            #expect(rows[policy]!.meanRecall > none.meanRecall)
            #expect(rows[policy]!.nudges > 0)
        }
        // At most one re-check of at most two questions per rep per week.
        #expect(personal.recheckQuestionsPerRep <= 2 * (60 / 7 + 1))
        #expect(result.check.decisions > 0 && result.check.correlation > 0)
        #expect(result.summary.contains("MISSED") != result.verdict.met)
    }
}
