import DecayApp
import DecayCore
import DecayStore
import Foundation
import Testing

/// The message report on demo data, whose true decay parameters are known, must recover them within its intervals.
@Suite("Message report")
struct MessageReportTests {
    @Test func recoversTheDemoTruthWithinItsIntervals() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        let channel = DemoGenerator(seed: 1, asOf: Date(timeIntervalSince1970: 1_795_132_800)).generate(catalog: catalog)
        try await database.saveScoredDemo(channel, catalog: catalog)

        var halfLives = (covered: 0, total: 0)
        var retention = (covered: 0, total: 0)
        for message in catalog.sortedMessages {
            let surveys = catalog.surveys(forMessage: message.id)
            let input = try await database.messageReportInput(message: message, surveys: surveys, asOf: nil, freeTexts: false)
            let report = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 60, seed: 1)).build(message: message, surveys: surveys, input: input)
            let truth = try #require(channel.truth[message.id])
            for point in report.keyPoints {
                let curve = try #require(truth[point.id])
                halfLives.total += 1
                if let low = point.halfLifeDays.low, let high = point.halfLifeDays.high, (low...high).contains(curve.halfLife) {
                    halfLives.covered += 1
                }
                #expect(point.correctNow.rate != nil)
                #expect(point.mostCommonWrongAnswer != nil)
            }
            let rho = try #require(truth.values.first?.rho)
            retention.total += 1
            if let low = report.retentionPerHop.low, let high = report.retentionPerHop.high, (low...high).contains(rho) {
                retention.covered += 1
            }
            #expect(!report.relays.isEmpty)
            #expect(report.relays.map { $0.fidelity ?? 2 } == report.relays.map { $0.fidelity ?? 2 }.sorted(), "worst first, unscored last")
        }
        #expect(halfLives.total == 13)
        #expect(halfLives.covered >= 11, "true half-lives inside the 95% intervals: \(halfLives.covered) of \(halfLives.total)")
        #expect(retention.covered >= 2, "true per-hop retention inside the interval: \(retention.covered) of \(retention.total)")
    }

    @Test func noAnswersMeansNoFiguresAndSaysWhy() async throws {
        let catalog = try TestDatabase.catalog()
        let message = try #require(catalog.messages["vault-3-launch"])
        let database = try await TestDatabase.open()
        let input = try await database.messageReportInput(message: message, surveys: catalog.surveys(forMessage: message.id), asOf: nil, freeTexts: false)
        let report = MessageReportBuilder().build(message: message, surveys: catalog.surveys(forMessage: message.id), input: input)
        #expect(report.keyPoints.allSatisfy { $0.halfLifeDays.value == nil && $0.correctNow.rate == nil && $0.correctNow.text == "n<3" })
        #expect(report.retentionPerHop.note == "no quiz answers yet")
    }

    @Test func theMessageHalfLifeAndTheShapeAreReportedAndZeroResamplesSayThereIsNoInterval() async throws {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        let channel = DemoGenerator(seed: 1, asOf: Date(timeIntervalSince1970: 1_795_132_800)).generate(catalog: catalog)
        try await database.saveScoredDemo(channel, catalog: catalog)
        let message = try #require(catalog.sortedMessages.first)
        let surveys = catalog.surveys(forMessage: message.id)
        let input = try await database.messageReportInput(message: message, surveys: surveys, asOf: nil, freeTexts: false)

        let withIntervals = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 30, seed: 1)).build(message: message, surveys: surveys, input: input)
        let halfLife = try #require(withIntervals.halfLifeDays.value, "\(withIntervals.halfLifeDays.note)")
        let low = try #require(withIntervals.halfLifeDays.low)
        let high = try #require(withIntervals.halfLifeDays.high)
        #expect(low <= halfLife && halfLife <= high)
        #expect(withIntervals.halfLifeDays.note == "95% bootstrap interval over people")
        let shape = withIntervals.shape
        #expect(shape.value != nil ? shape.low != nil : shape.note.hasPrefix("shape assumed d = 1"), "\(shape)")
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(withIntervals)) as? [String: Any])
        #expect(json["half_life_days"] is [String: Any] && json["shape"] is [String: Any])

        let pointOnly = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 0, seed: 1)).build(message: message, surveys: surveys, input: input)
        let figures = [pointOnly.halfLifeDays, pointOnly.retentionPerHop] + pointOnly.keyPoints.flatMap { [$0.halfLifeDays, $0.initialLearning] }
        for figure in figures where figure.value != nil {
            #expect(figure.low == nil && figure.high == nil)
            #expect(figure.note == "point estimate only: no interval (0 bootstrap resamples)")
        }
        #expect(figures.contains { $0.value != nil })
    }
}
