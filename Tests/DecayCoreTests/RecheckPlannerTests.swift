import Foundation
import Testing

@testable import DecayCore

@Suite("Re-check planning")
struct RecheckPlannerTests {
    static func catalog() throws -> ContentCatalog {
        try ContentCatalog.load(messagesDirectory: ContentFixtures.messages, surveysDirectory: ContentFixtures.surveys).get()
    }

    static let asOf = try! Date("2026-11-20T12:00:00Z", strategy: .iso8601)
    static func day(_ offset: Double) -> Date { Self.asOf.addingTimeInterval(offset * 86_400) }

    @Test func sendTimeIsTenOnTheNextWorkingDayInTheRepsZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let friday = try Date("2026-11-20T12:00:00Z", strategy: .iso8601)  // 13:00 in Berlin
        #expect(RecheckPlanner.nextSendTime(after: friday, in: berlin) == (try Date("2026-11-23T09:00:00Z", strategy: .iso8601)))
        let mondayEarly = try Date("2026-11-23T07:00:00Z", strategy: .iso8601)  // 08:00 in Berlin
        #expect(RecheckPlanner.nextSendTime(after: mondayEarly, in: berlin) == (try Date("2026-11-23T09:00:00Z", strategy: .iso8601)))
        let sydney = try #require(TimeZone(identifier: "Australia/Sydney"))
        #expect(RecheckPlanner.nextSendTime(after: friday, in: sydney) == (try Date("2026-11-22T23:00:00Z", strategy: .iso8601)), "Monday 10:00 AEDT")
    }

    /// A population of reps delivered vault-3-launch 120 days ago answering as the curve says, plus three reps to watch:
    /// one who just answered everything right (not due), one who has never answered since an old delivery (due, on
    /// the weakest points), one who answered q1 right yesterday (due, but never asked q1 again within min_days).
    @Test func dueRepsAreTheOnesWhoseOwnRecallFallsBelowTheTarget() throws {
        let catalog = try Self.catalog()
        var (answers, deliveries, reps) = Self.population()
        reps += [
            RecheckInput.Rep(id: "fresh", name: "Fresh", partner: "p", timezone: "UTC"),
            RecheckInput.Rep(id: "stale", name: "Stale", partner: "p", timezone: "Europe/Berlin"),
            RecheckInput.Rep(id: "recent-q1", name: "Recent", partner: "p", timezone: "UTC"),
        ]
        deliveries += [
            RecheckInput.Delivery(person: "fresh", message: "vault-3-launch", at: Self.day(-3), hops: 0),
            RecheckInput.Delivery(person: "stale", message: "vault-3-launch", at: Self.day(-200), hops: 2),
            RecheckInput.Delivery(person: "recent-q1", message: "vault-3-launch", at: Self.day(-200), hops: 2),
        ]
        for (point, question) in Self.questions {
            answers.append(RecheckInput.Answer(person: "fresh", message: "vault-3-launch", keyPoint: point, question: question, correct: true, at: Self.day(-1)))
        }
        answers.append(RecheckInput.Answer(person: "recent-q1", message: "vault-3-launch", keyPoint: "target-market", question: "q1", correct: true, at: Self.day(-1)))

        let plan = RecheckPlanner(catalog: catalog).plan(RecheckInput(answers: answers, deliveries: deliveries, reps: reps), asOf: Self.asOf)
        #expect(plan.model.hasPrefix("personal model fitted on"), "\(plan.model)")
        #expect(plan.skipped["sentinel-early-warning"] != nil, "no answers to fit: \(plan.skipped)")
        #expect(!plan.due.contains { $0.person == "fresh" }, "answered everything right yesterday")
        let stale = try #require(plan.due.first { $0.person == "stale" })
        #expect(stale.message == "vault-3-launch")
        #expect(stale.points.count == 2, "the message's default: at most 2 questions")
        #expect(stale.points.allSatisfy { $0.recallAtSend < 0.7 && $0.recallAtSend <= $0.recallNow })
        #expect(stale.points[0].recallAtSend <= stale.points[1].recallAtSend, "weakest first")
        #expect(stale.sendAt == (try Date("2026-11-23T09:00:00Z", strategy: .iso8601)), "Monday 10:00 in Berlin")
        #expect(stale.reason.contains("below the target 70%"))
        let recent = plan.due.first { $0.person == "recent-q1" }
        #expect(recent.map { !$0.points.contains { $0.question == "q1" } } ?? true, "q1 was answered right within min_days")
        #expect(plan.due.filter { $0.person == "stale" }.count == 1, "one re-check per rep")
    }

    /// A rep whose latest q1 answer picked what version 1 said is due at once, on target-market first, with the old
    /// version as the reason, even though a fresh delivery keeps their predicted recall above the target.
    @Test func aRepStillOnAnOldVersionIsDueAtOnceOnThatPoint() throws {
        let catalog = try Self.catalog()
        var (answers, deliveries, reps) = Self.population()
        reps.append(RecheckInput.Rep(id: "old-claim", name: "Old", partner: "p", timezone: "UTC"))
        deliveries.append(RecheckInput.Delivery(person: "old-claim", message: "vault-3-launch", at: Self.day(-3), hops: 0))
        for (point, question) in Self.questions where point != "target-market" {
            answers.append(RecheckInput.Answer(
                person: "old-claim", message: "vault-3-launch", keyPoint: point, question: question, correct: true, at: Self.day(-2)))
        }
        let planner = RecheckPlanner(catalog: catalog)
        let before = planner.plan(RecheckInput(answers: answers, deliveries: deliveries, reps: reps), asOf: Self.asOf)
        #expect(!before.due.contains { $0.person == "old-claim" }, "recall alone does not make them due")

        answers.append(RecheckInput.Answer(
            person: "old-claim", message: "vault-3-launch", keyPoint: "target-market", question: "q1", correct: false, at: Self.day(-1)))
        var input = RecheckInput(answers: answers, deliveries: deliveries, reps: reps)
        input.staleClaims = ["vault-3-launch": ["old-claim": RecheckInput.StaleClaim(keyPoint: "target-market", version: 1)]]
        let plan = planner.plan(input, asOf: Self.asOf)
        let due = try #require(plan.due.first { $0.person == "old-claim" })
        #expect(due.points.first?.keyPoint == "target-market")
        #expect(due.points.first?.question == "q1")
        #expect(due.reason == "still carries the old version (v1) of target-market")
        #expect(due.sendAt == RecheckPlanner.nextSendTime(after: Self.asOf, in: TimeZone(identifier: "UTC")!))
        let others = plan.due.filter { $0.person != "old-claim" }
        #expect(others == planner.plan(RecheckInput(answers: answers, deliveries: deliveries, reps: reps), asOf: Self.asOf).due.filter { $0.person != "old-claim" })
    }

    static let questions = ["target-market": "q1", "immutable-copies": "q2", "hipaa-audit": "q3", "restore-sla": "q4"]

    /// 120 reps delivered vault-3-launch about 120 days ago, answering as a power-law curve says.
    static func population() -> (answers: [RecheckInput.Answer], deliveries: [RecheckInput.Delivery], reps: [RecheckInput.Rep]) {
        var random = SeededRandom(seed: 7)
        var answers: [RecheckInput.Answer] = []
        var deliveries: [RecheckInput.Delivery] = []
        var reps: [RecheckInput.Rep] = []
        for index in 0..<120 {
            let person = "rep-\(index)"
            reps.append(RecheckInput.Rep(id: person, name: person, partner: "p", timezone: "UTC"))
            let delivered = Self.day(-120 - Double(index % 10))
            deliveries.append(RecheckInput.Delivery(person: person, message: "vault-3-launch", at: delivered, hops: index % 3))
            for (point, question) in Self.questions.sorted(by: { $0.key < $1.key }) {
                let t = random.uniform(1, 110)
                let knows = 0.9 * pow(1 + t / 30, -1)
                let correct = random.unit() < 0.25 + 0.75 * knows
                answers.append(RecheckInput.Answer(
                    person: person, message: "vault-3-launch", keyPoint: point, question: question, correct: correct,
                    at: delivered.addingTimeInterval(t * 86_400)))
            }
        }
        return (answers, deliveries, reps)
    }


    @Test func aLargeChannelFitsOnAnEvenSample() {
        #expect(RecheckPlanner.evenSample(Array(0..<10), limit: 4) == [0, 2, 5, 7])
        #expect(RecheckPlanner.evenSample(Array(0..<3), limit: 4) == [0, 1, 2])
    }

    @Test func recheckFrontMatterIsParsedAndChecked() throws {
        let text = "---\nid: m\nversion: 1\ntitle: T\nrecheck: {target: 0.8, questions: 3, min_days: 14}\nkey_points:\n  - id: k\n    text: A point.\n    concepts:\n      - [point]\n---\nBody.\n"
        let message = try MessageParser.parse(text, file: "m.md").get()
        #expect(message.recheck == RecheckPolicy(target: 0.8, questions: 3, minDays: 14))
        let off = try MessageParser.parse(text.replacingOccurrences(of: "{target: 0.8, questions: 3, min_days: 14}", with: "off"), file: "m.md").get()
        #expect(off.recheck == nil)
        let absent = try MessageParser.parse(text.replacingOccurrences(of: "recheck: {target: 0.8, questions: 3, min_days: 14}\n", with: ""), file: "m.md").get()
        #expect(absent.recheck == .standard)
        let bad = text.replacingOccurrences(of: "questions: 3", with: "questions: 5")
        guard case .failure(let errors) = MessageParser.parse(bad, file: "m.md") else {
            Issue.record("questions: 5 was accepted")
            return
        }
        #expect(errors.problems.contains { $0.line == 5 && $0.message.contains("recheck questions must be 1 to 3") }, "\(errors.problems)")
    }
}
