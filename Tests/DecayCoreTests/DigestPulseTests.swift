import Foundation
import Testing

@testable import DecayCore

/// The digest's Pulse section: a channel manager's partners whose pulse scale means moved on the previous quarter by
/// more than the two intervals allow, never from fewer than 3 people, told the week the move shows up.
@Suite("Digest pulse")
struct DigestPulseTests {
    static let survey = Survey(
        id: "pulse", title: "Pulse", message: nil,
        questions: [
            Question(id: "q1", kind: .scale, prompt: "Importance", min: 1, max: 10),
            Question(id: "q2", kind: .singleChoice, prompt: "Compensation", options: [AnswerOption(id: "a", text: "Yes"), AnswerOption(id: "b", text: "No")]),
        ])

    static func answers(_ partner: String, _ values: [Double], day: String, question: String = "q1") -> [PulseAnswer] {
        values.enumerated().map { index, value in
            PulseAnswer(
                personID: "\(partner)-\(index)", partnerID: partner, partnerName: "Name of \(partner)", category: "msp", tier: "gold",
                surveyID: "pulse", questionID: question, choices: question == "q2" ? ["a"] : [], number: question == "q1" ? value : nil,
                submittedAt: try! Date(day + "T12:00:00Z", strategy: .iso8601))
        }
    }

    /// p-a (cm-1) rises from 3.5 to 8.5 with its fourth answer on Wednesday of the digest's week; p-b (cm-1) does not
    /// move; p-d (cm-1) has 2 people this quarter; p-c (cm-2) moves but is not cm-1's.
    static let channel: [PulseAnswer] =
        answers("p-a", [3, 4, 3, 4], day: "2026-08-10") + answers("p-a", [8, 9, 8], day: "2026-10-10") + [
            PulseAnswer(personID: "p-a-3", partnerID: "p-a", partnerName: "Name of p-a", category: "msp", tier: "gold", surveyID: "pulse",
                        questionID: "q1", number: 9, submittedAt: try! Date("2026-11-18T12:00:00Z", strategy: .iso8601)),
        ]
        + answers("p-b", [5, 6, 7], day: "2026-08-10") + answers("p-b", [6, 7, 5], day: "2026-11-18")
        + answers("p-d", [9, 9, 9], day: "2026-08-10") + answers("p-d", [1, 1], day: "2026-11-18")
        + answers("p-c", [2, 2, 3], day: "2026-08-10") + answers("p-c", [9, 10, 9], day: "2026-11-18")
        + answers("p-a", [1, 1, 1], day: "2026-08-10", question: "q2") + answers("p-a", [1, 1, 1], day: "2026-11-18", question: "q2")

    static func input(manager: String, answers: [PulseAnswer] = channel, weekStart: Bool = true) -> DigestInput {
        var input = DigestFixtures.input(manager: manager)
        input.pulse = (
            PulseReport(surveys: [survey], answers: answers, asOf: DigestFixtures.end),
            weekStart ? PulseReport(surveys: [survey], answers: answers, asOf: DigestFixtures.start) : nil
        )
        return input
    }

    @Test func aChannelManagerSeesTheirPartnersScaleMovesOnly() throws {
        let digest = try DigestBuilder().build(Self.input(manager: "cm-1"))
        #expect(digest.pulse.map(\.partner) == ["p-a"])
        let move = try #require(digest.pulse.first)
        #expect(move.question == "q1" && move.min == 1 && move.max == 10)
        #expect(move.mean.mean == 8.5 && move.mean.people == 4)
        #expect(move.previousMean.mean == 3.5 && move.previousMean.people == 4)
        #expect(move.change == 5)
        #expect(move.quarter == "2026-Q4")
        #expect(move.previousQuarter == "2026-Q3")

        #expect(try DigestBuilder().build(Self.input(manager: "cm-2")).pulse.map(\.partner) == ["p-c"])
        #expect(try DigestBuilder().build(Self.input(manager: "pm-a")).pulse.isEmpty, "partner managers get no Pulse section")
        #expect(try DigestBuilder().build(DigestFixtures.input(manager: "cm-1")).pulse.isEmpty, "no pulse report, no section")
    }

    @Test func aMoveIsToldTheWeekItShowsUpNotEveryWeekOfTheQuarter() throws {
        let settled = Self.channel.map { answer in
            var answer = answer
            if answer.submittedAt > DigestFixtures.start { answer.submittedAt = try! Date("2026-11-02T12:00:00Z", strategy: .iso8601) }
            return answer
        }
        #expect(try DigestBuilder().build(Self.input(manager: "cm-1", answers: settled)).pulse.isEmpty, "nothing new since Monday")
        #expect(try DigestBuilder().build(Self.input(manager: "cm-1", answers: settled, weekStart: false)).pulse.map(\.partner) == ["p-a"])
    }

    @Test func theRuleNeedsThreePeopleEachQuarterAndAChangeBeyondBothIntervals() {
        func group(now: [Double], before: [Double]) -> PulseGroup {
            var group = PulseGroup(id: "p", name: "P", people: now.count, previousPeople: before.count)
            group.mean = MeanFigure(now, within: 1...10)
            group.previousMean = MeanFigure(before, within: 1...10)
            return group
        }
        #expect(DigestBuilder.pulseMoved(group(now: [8, 9, 8, 9], before: [3, 4, 3, 4])))
        #expect(!DigestBuilder.pulseMoved(group(now: [8, 9], before: [3, 4, 3, 4])), "never from fewer than 3 people")
        #expect(!DigestBuilder.pulseMoved(group(now: [8, 9, 8, 9], before: [3, 4])))
        // Half-widths 3.182 × 0.5774 / 2 ≈ 0.919 each, combined ≈ 1.299: a 1.25 move is within chance, a 1.5 move is not.
        #expect(!DigestBuilder.pulseMoved(group(now: [5.25, 6.25, 5.25, 6.25], before: [4, 5, 4, 5])))
        #expect(DigestBuilder.pulseMoved(group(now: [5.5, 6.5, 5.5, 6.5], before: [4, 5, 4, 5])))
        #expect(!DigestBuilder.pulseMoved(group(now: [1, 10, 1, 10, 1], before: [5, 6, 5])), "a wide interval hides a small move")
    }
}
