import DecayApp
import DecayCore
import DecayStore
import Foundation
import Testing

/// The partner × key point grid counts a partner manager's own team only when given it, so the heatmap shows them
/// nothing about the partner's other reps.
@Suite("Partner × key point recall")
struct PartnerKeyPointRecallTests {
    @Test func aTeamCountsOnlyItsOwnPeople() async throws {
        let (database, catalog, _) = try await DigestSchedulerTests.demoChannel(partners: 3)
        let messages = MessageReports(store: database, catalog: catalog)
        let recall = PartnerKeyPointRecall(messages: messages, engagement: EngagementReports(store: database))
        let message = try #require(catalog.sortedMessages.first)
        let everyone = try await recall.grid(message: message.id, asOf: Date()).partners
        let (partner, points) = try #require(everyone.max { ($0.value.values.map(\.people).max() ?? 0) < ($1.value.values.map(\.people).max() ?? 0) })
        let people = try await database.people(partner: partner)
        let team = Set(people.filter { $0.role == .rep }.prefix(3).map(\.id))
        let mine = try await recall.grid(message: message.id, asOf: Date(), people: team).partners
        #expect(Set(mine.keys) == [partner], "only the team's partner")
        for (point, figure) in mine[partner] ?? [:] {
            #expect(figure.people <= team.count, "\(point): at most the team's \(team.count) people")
            #expect(figure.people < points[point]?.people ?? 0, "\(point): fewer than the whole partner")
        }
    }
}
