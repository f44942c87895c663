import Foundation
import Testing

@testable import DecayCore

/// Old versions lingering, on the real vault-3-launch change: version 1 aimed Vault 3.0 at retail SMBs, version 2 at
/// mid-market healthcare.
@Suite("Old version claims")
struct OldVersionClaimsTests {
    private func shipped() throws -> (catalog: ContentCatalog, claims: OldVersionClaims, surveys: [Survey]) {
        let catalog = try ContentCatalog.load(messagesDirectory: ContentFixtures.messages, surveysDirectory: ContentFixtures.surveys).get()
        let current = try #require(catalog.sortedMessages.first { $0.id == "vault-3-launch" })
        let claims = OldVersionClaims(current: current, previous: DemoHistory.messages(for: catalog))
        return (catalog, claims, catalog.surveys(forMessage: "vault-3-launch"))
    }

    @Test func onlyTheChangedKeyPointHasAnOldClaim() throws {
        let (_, claims, _) = try self.shipped()
        #expect(Array(claims.claims.keys) == ["target-market"])
        #expect(claims.claims["target-market"]?.map(\.version) == [1])
        #expect(OldVersionClaims.label(version: 1) == "old version (v1)")
    }

    @Test func theQuizOptionThatWasRightUnderVersion1() throws {
        let (_, claims, surveys) = try self.shipped()
        #expect(claims.oldOptions(surveys) == ["vault-3-check/q1": ["b": 1]])
    }

    @Test func textsAreReadForTheOldAndTheNewClaim() throws {
        let (_, claims, _) = try self.shipped()
        #expect(claims.stance(of: "Vault 3 is our backup for retail SMBs", on: "target-market") == .old(version: 1))
        #expect(claims.stance(of: "Great for small businesses like shops and stores", on: "target-market") == .old(version: 1))
        #expect(claims.stance(of: "Vault 3 is for mid-market healthcare, not retail SMBs", on: "target-market") == .current)
        #expect(claims.stance(of: "It's great for retail", on: "target-market") == .silent)
        #expect(claims.stance(of: "Vault 3 backs up to an immutable copy out of reach of ransomware", on: "immutable-copies") == .silent)
    }

    @Test func noOlderVersionMeansNothingLingers() throws {
        let (catalog, _, _) = try self.shipped()
        let current = try #require(catalog.sortedMessages.first { $0.id == "vault-3-launch" })
        #expect(OldVersionClaims(current: current, previous: []).isEmpty)
        #expect(OldVersionClaims(current: current, previous: [current]).isEmpty)
        var reworded = current
        reworded.version = 1
        reworded.keyPoints[0].text = "Vault 3.0 is for mid-sized healthcare providers."
        #expect(OldVersionClaims(current: current, previous: [reworded]).isEmpty, "same concepts: the claim did not change")
    }

    @Test func theLatestWordOnTheKeyPointDecides() throws {
        let (catalog, claims, surveys) = try self.shipped()
        let order = try #require(catalog.sortedMessages.first { $0.id == "vault-3-launch" }).keyPoints.map(\.id)
        let day = { (n: Double) in Date(timeIntervalSince1970: 1_790_000_000 + n * 86_400) }
        let quiz = { (person: String, choice: String, at: Double) in
            OldVersionEvidence.QuizAnswer(person: person, survey: "vault-3-check", question: "q1", choices: [choice], correct: choice == "a", at: day(at))
        }
        let evidence = OldVersionEvidence(
            previous: [],
            quizAnswers: [
                quiz("rep-1", "b", 1),                      // still on v1
                quiz("rep-2", "b", 1), quiz("rep-2", "a", 5), // answered right since
                quiz("rep-3", "c", 2),                      // wrong, but not the old claim
                quiz("rep-4", "a", 1),
            ],
            texts: [
                .init(person: "rep-4", keyPoints: ["target-market", "restore-sla"], text: "Vault 3: retail SMBs; recovery in 4 hours.",
                      at: day(3), isRelay: false),
                .init(person: "rep-1", keyPoints: ["target-market"], text: "Something about backups?", at: day(4), isRelay: false),
                .init(person: "pm-1", keyPoints: nil, text: "Team: Vault 3 is for retail shops and SMBs", at: day(2), isRelay: true),
                .init(person: "pm-2", keyPoints: nil, text: "Team: Vault 3 is for retail shops and SMBs", at: day(2), isRelay: true),
                .init(person: "pm-2", keyPoints: nil, text: "Correction: mid-market healthcare, 100-2,000 staff", at: day(3), isRelay: true),
            ])
        let holders = claims.holders(evidence, surveys: surveys, keyPointOrder: order)
        #expect(holders == [
            OldVersionHolder(person: "pm-1", keyPoint: "target-market", version: 1, source: .relay),
            OldVersionHolder(person: "rep-1", keyPoint: "target-market", version: 1, source: .quiz),
            OldVersionHolder(person: "rep-4", keyPoint: "target-market", version: 1, source: .freeText),
        ])
    }
}
