import Foundation
import Testing

@testable import DecayCore

/// What the message page draws from the message report: observed recall in delay bins, the fitted curve sampled
/// for drawing, the relays' texts with their distorting phrases located, and the versions with what they changed.
@Suite("Message report: page figures")
struct MessagePageFiguresTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func survey() -> Survey {
        let options = ["a", "b", "c", "d"].map { AnswerOption(id: $0, text: "option \($0)") }
        return Survey(
            id: "s", title: "Check", message: "vault-3-launch",
            questions: [Question(id: "q1", kind: .singleChoice, prompt: "Who?", options: options, correct: ["a"], keyPoint: "target-market")])
    }

    static func answer(_ person: String, days: Double, correct: Bool, hops: Int = 0) -> MessageReportInput.QuizAnswer {
        MessageReportInput.QuizAnswer(
            personID: person, surveyID: "s", questionID: "q1", keyPointID: "target-market", choices: [correct ? "a" : "b"], correct: correct,
            submittedAt: Self.start.addingTimeInterval(days * 86_400), deliveredAt: Self.start, hops: hops)
    }

    @Test func directAnswersFallIntoWeekBinsAndNoRateFromFewerThanThreePeople() throws {
        let message = try ShippedMessages.named("vault-3-launch")
        let answers = [
            Self.answer("p1", days: 1, correct: true), Self.answer("p2", days: 2, correct: true), Self.answer("p3", days: 6.5, correct: false),
            Self.answer("p4", days: 8, correct: true), Self.answer("p4", days: 9, correct: true), Self.answer("p5", days: 10, correct: false),
            Self.answer("p6", days: 40, correct: true, hops: 1),
        ]
        let report = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 0, seed: 1))
            .build(message: message, surveys: [Self.survey()], input: MessageReportInput(answers: answers, freeTexts: [], relays: []))
        let point = try #require(report.keyPoints.first { $0.id == "target-market" })
        #expect(point.observed.map(\.fromDay) == [0, 7], "the relayed answer at day 40 is left out")
        #expect(point.observed.map(\.toDay) == [7, 14])
        #expect(point.observed[0].recall.correct == 2 && point.observed[0].recall.answers == 3 && point.observed[0].recall.people == 3)
        #expect(abs(point.observed[0].meanDays - 9.5 / 3) < 1e-9)
        let shown = try #require(point.observed[0].recall.rate)
        #expect(abs(shown - 2.0 / 3) < 1e-9)
        #expect((point.observed[0].recall.low ?? 1) < shown && shown < (point.observed[0].recall.high ?? 0))
        #expect(point.observed[1].recall.answers == 3 && point.observed[1].recall.people == 2)
        #expect(point.observed[1].recall.rate == nil && point.observed[1].recall.low == nil, "two people: no percentage")
        #expect(point.observedThroughDays == 10)
        #expect(point.curve.isEmpty, "six people cannot support a fitted curve")
    }

    @Test func theCurveIsTheFitEveryThreeDaysRaisedByTheGuessingFloor() throws {
        let message = try ShippedMessages.named("vault-3-launch")
        var random = SeededRandom(seed: 7)
        let answers = (0..<1_200).map { index -> MessageReportInput.QuizAnswer in
            let days = Double(index % 60) + 0.5
            let knows = random.unit() < 0.9 * pow(1 + days / 20, -1)
            return Self.answer("p\(index)", days: days, correct: knows || random.unit() < 0.25)
        }
        let report = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 30, seed: 1))
            .build(message: message, surveys: [Self.survey()], input: MessageReportInput(answers: answers, freeTexts: [], relays: []))
        let point = try #require(report.keyPoints.first { $0.id == "target-market" })
        try #require(point.halfLifeDays.value != nil, "\(point.halfLifeDays.note)")
        #expect(point.curve.map(\.days) == Array(stride(from: 0.0, through: 90, by: 3)))
        #expect(zip(point.curve, point.curve.dropFirst()).allSatisfy { $0.share >= $1.share }, "forgetting only goes down")
        #expect(point.curve.allSatisfy { ($0.low ?? -1) <= $0.share && $0.share <= ($0.high ?? -1) && $0.share >= 0.25 })
        let knowledge = try #require(point.projected["30"]?.value)
        let day30 = try #require(point.curve.first { $0.days == 30 })
        #expect(abs(day30.share - (0.25 + 0.75 * knowledge)) < 1e-9, "one guessing floor of 1/4 for four options")
        #expect(point.projected.keys.sorted() == ["30", "60", "90"], "the report's projections keep their three days")
        #expect(point.observed.count == 9 && point.observedThroughDays == 59.5)
    }

    @Test func relaysCarryTheirTextWithTheDistortingPhrasesLocated() throws {
        let message = try ShippedMessages.named("vault-3-launch")
        let texts = [
            "🚀 Vault 3 is GREAT for small Retail shops!",
            "Vault 3 is not for healthcare, sadly.",
            "Vault 3 backs up mid-market healthcare (100–2,000 staff), air-gapped against ransomware.",
        ]
        let relays = texts.enumerated().map { MessageReportInput.Relay(from: "pm-\($0.offset)", at: Self.start, recipients: 1, text: $0.element) }
        let report = MessageReportBuilder(relayPage: .all)
            .build(message: message, surveys: [], input: MessageReportInput(answers: [], freeTexts: [], relays: relays))
        func marked(_ from: String) throws -> [String] {
            let relay = try #require(report.relays.first { $0.from == from })
            let utf16 = Array(relay.text.utf16)
            return relay.highlights.map { String(decoding: utf16[$0.start..<$0.end], as: UTF16.self) }
        }
        #expect(report.relays.map(\.text).sorted() == texts.sorted())
        #expect(try marked("pm-0") == ["Retail"], "offsets count UTF-16 units, past the emoji")
        #expect(try marked("pm-1") == ["not for healthcare"])
        #expect(try marked("pm-2").isEmpty)
        #expect(report.relays.first { $0.from == "pm-0" }?.highlights.map(\.keyPoint) == ["target-market"])
    }

    @Test func versionsSayWhichKeyPointsChanged() throws {
        let current = try ShippedMessages.named("vault-3-launch")
        var first = current
        first.version = 1
        first.keyPoints[0].text = "Vault 3.0 is for retail SMBs."
        first.keyPoints.removeLast()
        var extra = first.keyPoints[0]
        extra.id = "gone"
        first.keyPoints.append(extra)
        let at = Self.start
        let versions = MessageReportBuilder.versions([
            .init(version: 2, title: current.title, loadedAt: at.addingTimeInterval(86_400), content: current),
            .init(version: 1, title: "Old title", loadedAt: at, content: first),
        ])
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[0].added.isEmpty && versions[0].removed.isEmpty && versions[0].changed.isEmpty)
        #expect(versions[1].changed == ["target-market"])
        #expect(versions[1].added == [current.keyPoints.last?.id ?? ""])
        #expect(versions[1].removed == ["gone"])
        #expect(versions[0].title == "Old title" && versions[1].loadedAt == at.addingTimeInterval(86_400))
    }
}
