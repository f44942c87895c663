import Foundation
import Testing

@testable import DecayCore

@Suite("Demo generator")
struct DemoGeneratorTests {
    static let asOf = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20

    func catalog() throws -> ContentCatalog {
        try ContentCatalog.load(messagesDirectory: ContentFixtures.messages, surveysDirectory: ContentFixtures.surveys).get()
    }

    @Test func sameSeedSameChannel() throws {
        let catalog = try self.catalog()
        let first = DemoGenerator(seed: 7, asOf: Self.asOf).generate(catalog: catalog)
        let second = DemoGenerator(seed: 7, asOf: Self.asOf).generate(catalog: catalog)
        let third = DemoGenerator(seed: 8, asOf: Self.asOf).generate(catalog: catalog)
        #expect(first.people == second.people)
        #expect(first.responses.map(\.answers) == second.responses.map(\.answers))
        #expect(first.responses.map(\.answers) != third.responses.map(\.answers))
    }

    @Test func channelHasTheDocumentedShape() throws {
        let channel = DemoGenerator(seed: 1, asOf: Self.asOf).generate(catalog: try self.catalog())
        #expect(channel.partners.count == 40)
        #expect(Set(channel.partners.map(\.category)) == ["msp", "var", "distributor"])
        #expect(Set(channel.partners.map(\.tier)) == ["gold", "silver", "bronze"])
        let reps = channel.people.filter { $0.role == .rep }
        #expect((300...500).contains(reps.count))
        #expect(channel.people.filter { $0.role == .channelManager }.count == 3)
        #expect(Set(channel.deliveries.map(\.hops)) == [0, 1, 2])
        #expect(!channel.relays.isEmpty)
        #expect(channel.responses.count > 300)
        #expect(channel.responses.allSatisfy { $0.submittedAt <= Self.asOf })

        let ids = Set(channel.people.map(\.id))
        #expect(channel.people.allSatisfy { $0.reportsTo == nil || ids.contains($0.reportsTo!) })
        #expect(channel.deliveries.allSatisfy { ($0.hops == 0) == ($0.via == nil) })
    }

    @Test func quizAnswersFollowTheTrueCurve() throws {
        let catalog = try self.catalog()
        let channel = DemoGenerator(seed: 3, asOf: Self.asOf).generate(catalog: catalog)
        let hopsOf = Dictionary(channel.deliveries.map { ("\($0.messageID)|\($0.personID)", $0.hops) }, uniquingKeysWith: min)
        var direct = (correct: 0, total: 0)
        var relayed = (correct: 0, total: 0)
        for response in channel.responses {
            guard let message = response.messageID, let hops = hopsOf["\(message)|\(response.personID)"] else { continue }
            for answer in response.answers {
                guard let correct = answer.correct else { continue }
                if hops == 0 {
                    direct.correct += correct ? 1 : 0
                    direct.total += 1
                } else {
                    relayed.correct += correct ? 1 : 0
                    relayed.total += 1
                }
            }
        }
        let directRate = Double(direct.correct) / Double(direct.total)
        let relayedRate = Double(relayed.correct) / Double(relayed.total)
        #expect(direct.total > 200 && relayed.total > 200)
        #expect(directRate > relayedRate, "relays must lose recall: direct \(directRate), relayed \(relayedRate)")
    }
}
