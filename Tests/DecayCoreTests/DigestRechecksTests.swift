import Foundation
import Testing

@testable import DecayCore

@Suite("Digest: the Re-checks section")
struct DigestRechecksTests {
    static func at(_ daysBeforeEnd: Double) -> Date { DigestFixtures.end.addingTimeInterval(-daysBeforeEnd * 86_400) }

    static func contact(_ kind: DigestContact.Kind, _ person: String, daysAgo: Double, delivered: Bool = true) -> DigestContact {
        DigestContact(kind: kind, person: person, message: "m1", keyPoints: kind == .recheck ? ["target"] : [], sendAt: Self.at(daysAgo), delivered: delivered)
    }

    /// r3 answered wrong 9 days ago, was re-checked 5 days ago and answered wrong again 2 days ago; r1 was re-checked
    /// 4 days ago with nothing before and answered wrong 3 days ago; r2's post never went out; r10 is another
    /// manager's; r4 is scheduled; r8 and r7 were reminded (r7 had acked long before); r5 missed three in a row.
    static func input() -> DigestInput {
        var item = DigestFixtures.messageItem()
        item.input.answers += [
            DigestFixtures.answer("r5", "b", daysAgo: 10), DigestFixtures.answer("r5", "c", daysAgo: 6), DigestFixtures.answer("r5", "b", daysAgo: 1),
        ]
        var input = DigestFixtures.input(manager: "cm-1", messages: [item])
        input.contacts = [
            Self.contact(.recheck, "r3", daysAgo: 5), Self.contact(.recheck, "r1", daysAgo: 4), Self.contact(.recheck, "r2", daysAgo: 4, delivered: false),
            Self.contact(.recheck, "r10", daysAgo: 4), Self.contact(.recheck, "r4", daysAgo: -2, delivered: false),
            Self.contact(.nudge, "r8", daysAgo: 3), Self.contact(.nudge, "r7", daysAgo: 6),
        ]
        return input
    }

    @Test func sentAnsweredBeforeAndAfterScheduledRemindersAndCoaching() throws {
        let activity = try #require(try DigestBuilder().build(Self.input()).recheckActivity)
        #expect(activity.sent == 2, "r3 and r1; r2's post was not delivered and r10 is not in scope")
        #expect(activity.answered == 2)
        #expect(activity.knowBefore.people == 1, "only r3 had an answer before")
        #expect(activity.knowAfter.people == 2)
        #expect(activity.knowAfter.share == nil && activity.knowAfter.text == "n<3", "fewer than 3 people: no percentage")
        #expect(activity.scheduled == 1)
        #expect(activity.nudges == 2)
        #expect(activity.answeredAfterNudge == 0, "r7's ack came before the reminder")
        #expect(activity.coaching.map(\.person) == ["r5"])
        #expect(activity.coaching.first?.keyPointText == "Vault is for healthcare.")
    }

    @Test func anotherManagersDigestSeesOnlyTheirReps() throws {
        var input = Self.input()
        input.manager = DigestFixtures.people.first { $0.id == "cm-2" }!
        let activity = try #require(try DigestBuilder().build(input).recheckActivity)
        #expect(activity.sent == 1, "r10 only: cm-2's partner")
        #expect(activity.nudges == 0 && activity.scheduled == 0)
        #expect(activity.coaching.isEmpty, "r5 is cm-1's")
    }
}
