import Foundation
import Testing

import DecayApp
@testable import DecayCore
@testable import DecayStore

/// Old versions lingering, on a real SQLite file: the demo records vault-3-launch v1 (retail SMBs) beside the shipped
/// v2 (mid-market healthcare); the store hands the old content and each person's latest words, the report counts
/// who is still on v1, and the re-check planner makes them due at once.
@Suite("Old versions in the store")
struct OldVersionStoreTests {
    static let asOf = Date(timeIntervalSince1970: 1_795_132_800)

    private func seeded() async throws -> (AppDatabase, ContentCatalog, DemoChannel, Message) {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        try await database.recordMessageVersions(catalog)
        let channel = DemoGenerator(seed: 4, asOf: Self.asOf, partnerCount: 6).generate(catalog: catalog)
        try await database.saveScoredDemo(channel, catalog: catalog)
        return (database, catalog, channel, try #require(catalog.messages["vault-3-launch"]))
    }

    /// One quiz response of `person` answering q1 (target-market) with `choice`, `days` after the demo's end.
    private func answerQ1(_ database: AppDatabase, person: String, choice: String, days: Double) async throws {
        let response = DemoResponse(
            externalID: "late-\(person)-\(days)", surveyID: "vault-3-check", personID: person, messageID: "vault-3-launch", messageVersion: 2,
            submittedAt: Self.asOf.addingTimeInterval(days * 86_400),
            answers: [GradedAnswer(questionID: "q1", kind: .singleChoice, choices: [choice], keyPoint: "target-market", correct: choice == "a")])
        try await database.saveDemo(DemoChannel(partners: [], people: [], deliveries: [], relays: [], responses: [response], truth: [:]))
    }

    private func holders(_ database: AppDatabase, _ catalog: ContentCatalog, _ message: Message, asOf: Date) async throws -> [OldVersionHolder] {
        let surveys = catalog.surveys(forMessage: message.id)
        let evidence = try #require(try await database.oldVersionEvidence(message: message, surveys: surveys, asOf: asOf))
        return OldVersionClaims(current: message, previous: evidence.previous)
            .holders(evidence, surveys: surveys, keyPointOrder: message.keyPoints.map(\.id))
    }

    @Test func theStoredOldVersionIsReadBackAsItWasParsed() async throws {
        let (database, catalog, _, message) = try await self.seeded()
        let evidence = try #require(try await database.oldVersionEvidence(message: message, surveys: catalog.surveys(forMessage: message.id), asOf: Self.asOf))
        #expect(evidence.previous == DemoHistory.messages(for: catalog))
        #expect(evidence.previous.map(\.version) == [1])
        #expect(!evidence.quizAnswers.isEmpty && evidence.texts.contains { $0.isRelay } && evidence.texts.contains { !$0.isRelay })
        let other = try #require(catalog.sortedMessages.first { $0.id != message.id })
        #expect(try await database.oldVersionEvidence(message: other, surveys: [], asOf: Self.asOf) == nil, "a message with one version")
    }

    @Test func theReportListsEveryStoredVersionWithWhatItChanged() async throws {
        let (database, catalog, _, message) = try await self.seeded()
        let surveys = catalog.surveys(forMessage: message.id)
        let input = try await database.messageReportInput(message: message, surveys: surveys, asOf: Self.asOf, freeTexts: false)
        #expect(input.versions.map(\.version) == [1, 2])
        #expect(input.versions.compactMap(\.content) == DemoHistory.messages(for: catalog) + [message])
        let report = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 0, seed: 1)).build(message: message, surveys: surveys, input: input)
        #expect(report.versions.map(\.version) == [1, 2])
        #expect(report.versions[1].changed.contains("target-market"))
        #expect(report.versions[1].title == message.title)
    }

    @Test func aRepPickingTheOldAnswerIsOnV1UntilTheyAnswerRight() async throws {
        let (database, catalog, channel, message) = try await self.seeded()
        let surveys = catalog.surveys(forMessage: message.id)
        let before = try await self.holders(database, catalog, message, asOf: Self.asOf.addingTimeInterval(10 * 86_400))
        let rep = try #require(channel.deliveries.first { delivery in
            delivery.messageID == message.id && delivery.personID.hasPrefix("rep-") && !before.contains { $0.person == delivery.personID }
        }?.personID)
        #expect(before.allSatisfy { $0.keyPoint == "target-market" && $0.version == 1 })

        try await self.answerQ1(database, person: rep, choice: "b", days: 1)
        let later = Self.asOf.addingTimeInterval(10 * 86_400)
        let stale = try await self.holders(database, catalog, message, asOf: later)
        #expect(stale.contains(OldVersionHolder(person: rep, keyPoint: "target-market", version: 1, source: .quiz)))
        #expect(Set(stale.map(\.person)) == Set(before.map(\.person)).union([rep]))
        let input = try await database.messageReportInput(message: message, surveys: surveys, asOf: later, freeTexts: false)
        let report = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 0, seed: 1)).build(message: message, surveys: surveys, input: input)
        let point = try #require(report.keyPoints.first { $0.id == "target-market" })
        #expect(point.stillOnOldVersion == [MessageReport.OldVersionCount(version: 1, people: Set(stale.map(\.person)).count)])
        #expect(point.stillOnOldVersion.first?.distortion == "old version (v1)")
        #expect(report.keyPoints.filter { $0.id != "target-market" }.allSatisfy { $0.stillOnOldVersion.isEmpty })

        try await self.answerQ1(database, person: rep, choice: "a", days: 2)
        let cleared = try await self.holders(database, catalog, message, asOf: later)
        #expect(!cleared.contains { $0.person == rep })
        #expect(Set(cleared.map(\.person)) == Set(before.map(\.person)))
    }

    @Test func aRepStillOnV1IsDueAtOnceOnThatKeyPoint() async throws {
        let (database, catalog, channel, message) = try await self.seeded()
        let recent = Set(channel.responses.filter { $0.submittedAt > Self.asOf.addingTimeInterval(-10 * 86_400) }.map(\.personID))
        let reps = Set(channel.people.filter { $0.role == .rep && !recent.contains($0.id) }.map(\.id))
        let rep = try #require(channel.deliveries.first { $0.messageID == message.id && reps.contains($0.personID) }?.personID)
        try await self.answerQ1(database, person: rep, choice: "b", days: 1)
        let plan = try await RecheckPlanning(store: database, catalog: catalog).plan(asOf: Self.asOf.addingTimeInterval(2 * 86_400))
        let due = try #require(plan.due.first { $0.person == rep })
        #expect(due.message == message.id)
        #expect(due.points.first?.keyPoint == "target-market")
        #expect(due.reason == "still carries the old version (v1) of target-market")
        let person = try #require(channel.people.first { $0.id == rep })
        #expect(due.sendAt == RecheckPlanner.nextSendTime(after: plan.asOf, in: TimeZone(identifier: person.timezone)!))
    }

    @Test func withoutAnOlderVersionNothingLingers() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        var channel = DemoGenerator(seed: 4, asOf: Self.asOf, partnerCount: 6).generate(catalog: catalog)
        channel.history = []
        try await database.saveScoredDemo(channel, catalog: catalog)
        let message = try #require(catalog.messages["vault-3-launch"])
        let surveys = catalog.surveys(forMessage: message.id)
        let input = try await database.messageReportInput(message: message, surveys: surveys, asOf: nil, freeTexts: false)
        #expect(input.oldVersions == nil)
        let report = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 0, seed: 1)).build(message: message, surveys: surveys, input: input)
        #expect(report.keyPoints.allSatisfy { $0.stillOnOldVersion.isEmpty })
    }
}
