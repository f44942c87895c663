import Foundation
import Testing

@testable import DecayCore

/// Reference intervals: the examples of Newcombe, "Two-sided confidence intervals for the single
/// proportion: comparison of seven methods", Statist. Med. 17:857-872 (1998), method 3 (Wilson score),
/// computed to full precision with Python statsmodels 0.15.0:
/// `statsmodels.stats.proportion.proportion_confint(x, n, alpha=0.05, method="wilson")`
/// (the same as R's `prop.test(x, n, correct = FALSE)$conf.int`). Newcombe prints them to 4 places.
@Suite("Engagement: proportions")
struct ProportionTests {
    @Test(arguments: [
        (81, 263, 0.2552885198782742, 0.36620957698280004),
        (15, 148, 0.06238639953073628, 0.16048724172330803),
        (0, 20, 0.0, 0.1611251580528194),
        (1, 29, 0.006113214292762667, 0.17175521879320294),
        (62, 100, 0.5220975529551107, 0.7090240074752127),
        (3, 3, 0.43850296824495444, 1.0),
        (0, 3, 0.0, 0.5614970317550455),
    ])
    func wilsonMatchesStatsmodels(successes: Int, trials: Int, lower: Double, upper: Double) throws {
        let interval = try #require(Proportion(successes: successes, trials: trials).wilson())
        #expect(abs(interval.lower - lower) < 1e-12)
        #expect(abs(interval.upper - upper) < 1e-12)
    }

    /// 7 of 10 at 90% and 99%: statsmodels with alpha=0.10 and alpha=0.01.
    @Test func zIsConfigurable() throws {
        let proportion = Proportion(successes: 7, trials: 10)
        let ninety = try #require(proportion.wilson(z: Proportion.z90))
        let ninetyNine = try #require(proportion.wilson(z: Proportion.z99))
        #expect(abs(ninety.lower - 0.44169979586983493) < 1e-12)
        #expect(abs(ninety.upper - 0.873123416096802) < 1e-12)
        #expect(abs(ninetyNine.lower - 0.32002467920110256) < 1e-12)
        #expect(abs(ninetyNine.upper - 0.9204336834769342) < 1e-12)
        #expect(ninetyNine.width > ninety.width)
    }

    @Test func nothingIsShownFromFewerThanThreePeople() {
        let two = Proportion(successes: 2, trials: 2)
        #expect(two.rate == 1)
        #expect(two.displayRate == nil)
        #expect(two.displayText() == "n<3")

        let manyTrialsTwoPeople = Proportion(successes: 8, trials: 10, people: 2)
        #expect(!manyTrialsTwoPeople.isDisplayable)
        #expect(manyTrialsTwoPeople.displayText() == "n<3")

        let three = Proportion(successes: 2, trials: 3)
        #expect(three.displayRate == 2.0 / 3.0)
        #expect(three.displayText() == "67% (21–94%)")
    }

    @Test func displayTextShowsRateAndInterval() {
        #expect(Proportion(successes: 62, trials: 100).displayText() == "62% (52–71%)")
    }

    @Test func emptyAndBadCountsAreSafe() {
        let empty = Proportion(successes: 0, trials: 0)
        #expect(empty.rate == nil)
        #expect(empty.wilson() == nil)
        #expect(empty.displayText() == "n<3")

        let clamped = Proportion(successes: 12, trials: 10)
        #expect(clamped.successes == 10)
        #expect(clamped.rate == 1)
    }
}

/// Reference values from numpy 2.4.6: `np.median`, `np.quantile` (default "linear" = type 7) and
/// the pairwise Gini `np.abs(x[:,None]-x[None,:]).sum() / (2*n*n*x.mean())`.
@Suite("Engagement: medians, Gini, top share")
struct DistributionTests {
    let delays: [TimeInterval] = [3600, 7200, 1800, 86_400, 5400, 600, 43_200]

    @Test func medianAndQuantilesMatchNumpy() throws {
        #expect(Median.of(durations: self.delays) == 5400)
        #expect(Median.of(durations: Array(self.delays.prefix(6))) == 4500)
        #expect(Quantile.of(self.delays, 0.25) == 2700)
        let ninetieth = try #require(Quantile.of(self.delays, 0.9))
        #expect(abs(ninetieth - 60_480) < 1e-9)
        #expect(Quantile.of(self.delays, [0, 1]) == [600, 86_400])
    }

    @Test func medianOfNothingIsNil() {
        #expect(Median.of(durations: []) == nil)
        #expect(Median.of([.nan]) == nil)
        #expect(Quantile.of([1, 2], 1.5) == nil)
    }

    @Test func giniOfEqualListIsZero() {
        #expect(Gini.coefficient([5, 5, 5, 5]) == 0)
        #expect(Gini.coefficient([0, 0, 0]) == 0)
        #expect(Gini.coefficient([42]) == 0)
    }

    @Test(arguments: [2, 4, 10])
    func giniOfMaximallyUnequalListIsNMinusOneOverN(count: Int) throws {
        let values = Array(repeating: 0.0, count: count - 1) + [10]
        let gini = try #require(Gini.coefficient(values))
        #expect(abs(gini - Double(count - 1) / Double(count)) < 1e-12)
    }

    /// [1, 2, 3, 4, 5] by hand: Σ|xi − xj| = 40 over ordered pairs, 2·n²·mean = 150, G = 4/15.
    @Test(arguments: [
        ([1.0, 2, 3, 4, 5], 0.26666666666666666),
        ([72.5, 40, 88, 15, 61, 61, 90], 0.2222222222222222),
        ([3.0, 1, 4, 1, 5, 9, 2, 6], 0.36693548387096775),
    ])
    func giniMatchesNumpy(values: [Double], expected: Double) throws {
        let gini = try #require(Gini.coefficient(values))
        #expect(abs(gini - expected) < 1e-12)
    }

    @Test func giniRejectsEmptyAndNegative() {
        #expect(Gini.coefficient([]) == nil)
        #expect(Gini.coefficient([1, -1, 3]) == nil)
    }

    @Test func topShareIsTheParetoView() {
        #expect(TopShare.share(of: [1, 10, 3, 1, 5]) == 0.9)
        #expect(TopShare.share(of: [10, 5, 3]) == nil)
        #expect(TopShare.share(of: [0, 0, 0, 0]) == nil)
        #expect(TopShare.share(of: [4, 3, 2, 1], top: 1) == 0.4)
        #expect(TopShare.contributors(covering: 0.8, of: [1, 10, 3, 1, 5]) == 3)
        #expect(TopShare.contributors(covering: 0.5, of: [1, 10, 3, 1, 5]) == 1)
    }
}

/// A fixed partner used by the aggregation, ranking and scorecard tests; expected values are by hand.
enum EngagementFixture {
    static let asOf = Date(timeIntervalSince1970: 1_795_000_000)
    static let day: TimeInterval = 86_400
    static let hour: TimeInterval = 3600

    static func inputs(ackScale: Double = 1) -> [EngagementInputs] {
        [
            EngagementInputs(
                person: "rep-1", delivered: 4, acked: 4, medianAckDelay: 1 * self.hour * ackScale, responded: 3,
                lastActivity: self.asOf.addingTimeInterval(-1 * self.day), hops: 0, quizAnswers: 4, quizCorrect: 3),
            EngagementInputs(
                person: "rep-2", delivered: 4, acked: 3, medianAckDelay: 3 * self.hour * ackScale, responded: 2,
                lastActivity: self.asOf.addingTimeInterval(-10 * self.day), hops: 0, quizAnswers: 2, quizCorrect: 2),
            EngagementInputs(
                person: "rep-3", delivered: 4, acked: 2, medianAckDelay: 10 * self.hour * ackScale, responded: 1,
                lastActivity: self.asOf.addingTimeInterval(-20 * self.day), hops: 1, quizAnswers: 2, quizCorrect: 1),
            EngagementInputs(
                person: "rep-4", delivered: 4, acked: 1, medianAckDelay: 30 * self.hour * ackScale, responded: 0,
                lastActivity: self.asOf.addingTimeInterval(-14 * self.day), hops: 2),
            EngagementInputs(person: "rep-5", delivered: 0, acked: 0, responded: 0, hops: 1),
        ]
    }

    static func engagement(partner: String = "partner-001", category: String = "msp") -> PartnerEngagement {
        PartnerEngagement(partner: partner, category: category, inputs: self.inputs(), asOf: self.asOf)
    }
}

@Suite("Engagement: partner aggregation")
struct PartnerEngagementTests {
    @Test func ratesCountDeliveriesAndPeople() {
        let engagement = EngagementFixture.engagement()
        #expect(engagement.people == 5)
        #expect(engagement.responseRate == Proportion(successes: 6, trials: 16, people: 4))
        #expect(engagement.ackRate == Proportion(successes: 10, trials: 16, people: 4))
        #expect(engagement.recall == Proportion(successes: 6, trials: 8, people: 3))
        #expect(engagement.activeShare == Proportion(successes: 3, trials: 5))
    }

    @Test func activityUsesTheFourteenDayWindowAndListsQuietReps() {
        let engagement = EngagementFixture.engagement()
        #expect(engagement.quietPeople == ["rep-3", "rep-5"])
        let later = PartnerEngagement(
            partner: "p", category: "msp", inputs: EngagementFixture.inputs(),
            asOf: EngagementFixture.asOf.addingTimeInterval(EngagementFixture.day))
        #expect(later.quietPeople == ["rep-3", "rep-4", "rep-5"])
    }

    @Test func communicationSpeedSplitsDirectAndRelayed() {
        let speed = EngagementFixture.engagement().speed
        #expect(speed.overall == 6.5 * EngagementFixture.hour)
        #expect(speed.direct == 2 * EngagementFixture.hour)
        #expect(speed.relayed == 20 * EngagementFixture.hour)
        #expect(speed.people == 4)
        #expect(speed.directPeople == 2)
        #expect(speed.relayedPeople == 2)
        #expect(speed.displayHours == 6.5)
    }

    @Test func scoreIsTheDocumentedWeightedMix() throws {
        let engagement = EngagementFixture.engagement()
        let speed = 1 - 6.5 / 72
        #expect(engagement.speedScore == speed)
        let expected = 100 * (0.30 * 0.375 + 0.25 * 0.625 + 0.20 * speed + 0.25 * 0.75)
        let score = try #require(engagement.score)
        #expect(abs(score - expected) < 1e-9)
        #expect(abs(score - 63.81944444444444) < 1e-9)
        #expect(engagement.topShare == 15.0 / 16.0)
    }

    @Test func weightsSumToOneAndSpeedIsClamped() {
        let weights = ScoreWeights.standard
        #expect(abs(weights.responseRate + weights.ackRate + weights.speed + weights.recall - 1) < 1e-12)
        #expect(weights.speedScore(medianAckDelay: 0) == 1)
        #expect(weights.speedScore(medianAckDelay: 36 * 3600) == 0.5)
        #expect(weights.speedScore(medianAckDelay: 100 * 3600) == 0)
    }

    @Test func partsFromFewerThanThreePeopleDropOutOfTheScore() throws {
        var inputs = EngagementFixture.inputs()
        inputs[2].quizAnswers = 0
        let engagement = PartnerEngagement(partner: "p", category: "msp", inputs: inputs, asOf: EngagementFixture.asOf)
        #expect(engagement.recall.people == 2)
        #expect(engagement.value(of: .recall) == nil)
        let speed = 1 - 6.5 / 72
        let expected = 100 * (0.30 * 0.375 + 0.25 * 0.625 + 0.20 * speed) / 0.75
        #expect(abs(try #require(engagement.score) - expected) < 1e-9)

        let pair = PartnerEngagement(
            partner: "p", category: "msp", inputs: Array(inputs.prefix(2)), asOf: EngagementFixture.asOf)
        #expect(pair.score == nil)
        #expect(pair.value(of: .responseRate) == nil)
        #expect(pair.value(of: .medianAckHours) == nil)
        #expect(pair.topShare == nil)
    }
}

@Suite("Engagement: ranking and trends")
struct RankingTests {
    @Test func tiesShareARankAndTheNextRankSkips() {
        let values: [String: Double?] = ["a": 80, "b": 90, "c": 80, "d": 70, "e": nil]
        #expect(Ranking.ranks(values) == ["b": 1, "a": 2, "c": 2, "d": 4])
    }

    @Test func lowerIsBetterRanksAscending() {
        let hours: [String: Double?] = ["fast": 2, "slow": 30, "mid": 10, "alsoFast": 2]
        #expect(Ranking.ranks(hours, higherIsBetter: false) == ["fast": 1, "alsoFast": 1, "mid": 3, "slow": 4])
    }

    @Test func ranksAreWithinCategory() {
        let fast = EngagementFixture.engagement(partner: "msp-fast", category: "msp")
        let slow = PartnerEngagement(
            partner: "msp-slow", category: "msp", inputs: EngagementFixture.inputs(ackScale: 4),
            asOf: EngagementFixture.asOf)
        let twin = EngagementFixture.engagement(partner: "msp-twin", category: "msp")
        let lonelyVar = EngagementFixture.engagement(partner: "var-1", category: "var")
        let ranks = Ranking.withinCategory([slow, fast, twin, lonelyVar])
        #expect(ranks == ["msp-fast": 1, "msp-twin": 1, "msp-slow": 3, "var-1": 1])
        let bySpeed = Ranking.withinCategory([slow, fast], by: .medianAckHours)
        #expect(bySpeed == ["msp-fast": 1, "msp-slow": 2])
    }

    @Test func weekOverWeekFollowsEachMetricsDirection() throws {
        let previous = PartnerEngagement(
            partner: "p", category: "msp", inputs: EngagementFixture.inputs(ackScale: 2),
            asOf: EngagementFixture.asOf.addingTimeInterval(-7 * EngagementFixture.day))
        let current = EngagementFixture.engagement(partner: "p")
        let changes = MetricChange.weekOverWeek(current: current, previous: previous)
        #expect(changes.map(\.metric) == Metric.allCases)
        let hours = try #require(changes.first { $0.metric == .medianAckHours })
        #expect(hours.delta == -6.5)
        #expect(hours.trend == .better)
        let score = try #require(changes.first { $0.metric == .score })
        #expect(score.trend == .better)
        #expect(MetricChange(metric: .ackRate, previous: 0.7, current: 0.6).trend == .worse)
        #expect(MetricChange(metric: .ackRate, previous: 0.7, current: 0.7).trend == .unchanged)
        #expect(MetricChange(metric: .ackRate, previous: nil, current: 0.7).trend == nil)
    }
}

@Suite("Engagement: scorecard")
struct ScorecardTests {
    let yaml = """
        default: { response_rate: 0.5, ack_rate: 0.6, median_ack_hours: 24, score: 60 }
        msp:
          response_rate: 0.3
          median_ack_hours: 4
        var: { recall: 0.8 }
        """

    @Test func metricRawValuesAreStable() {
        #expect(Metric.allCases.map(\.rawValue) == [
            "response_rate", "ack_rate", "median_ack_hours", "recall", "active_share", "score",
        ])
        #expect(!Metric.medianAckHours.higherIsBetter)
        #expect(Metric.allCases.filter(\.higherIsBetter).count == 5)
    }

    @Test func categoryTargetsOverrideDefaults() throws {
        let targets = try ScoreTargets.parse(self.yaml)
        #expect(targets.targets(for: "msp") == [.responseRate: 0.3, .ackRate: 0.6, .medianAckHours: 4, .score: 60])
        #expect(targets.targets(for: "distributor") == [.responseRate: 0.5, .ackRate: 0.6, .medianAckHours: 24, .score: 60])
        #expect(targets.targets(for: "var")[.recall] == 0.8)
    }

    @Test func jsonTargetsParseToo() throws {
        let targets = try ScoreTargets.parse(#"{"msp": {"ack_rate": 0.7}, "default": {"score": 50}}"#, file: "targets.json")
        #expect(targets.targets(for: "msp") == [.ackRate: 0.7, .score: 50])
    }

    @Test func scorecardRespectsDirection() throws {
        let targets = try ScoreTargets.parse(self.yaml)
        let card = Scorecard(engagement: EngagementFixture.engagement(category: "msp"), targets: targets)
        #expect(card.lines.map(\.metric) == [.responseRate, .ackRate, .medianAckHours, .score])
        let lines = Dictionary(uniqueKeysWithValues: card.lines.map { ($0.metric, $0) })

        let response = try #require(lines[.responseRate])
        #expect(response.met == true)
        #expect(abs(try #require(response.gap) - 0.075) < 1e-12)

        let hours = try #require(lines[.medianAckHours])
        #expect(hours.actual == 6.5)
        #expect(hours.met == false)
        #expect(hours.gap == -2.5)

        let ack = try #require(lines[.ackRate])
        #expect(ack.met == true)
        #expect(card.metCount == 3)
        #expect(card.missedCount == 1)

        let distributor = Scorecard(engagement: EngagementFixture.engagement(category: "distributor"), targets: targets)
        let slowTarget = try #require(distributor.lines.first { $0.metric == .medianAckHours })
        #expect(slowTarget.met == true)
        #expect(slowTarget.gap == 17.5)
    }

    @Test func hiddenActualsAreNeitherMetNorMissed() {
        let line = ScorecardLine(metric: .recall, target: 0.7, actual: nil)
        #expect(line.met == nil)
        #expect(line.gap == nil)
        #expect(ScorecardLine(metric: .recall, target: 0.7, actual: 0.7).met == true)
    }

    @Test func errorsNameTheKeyAndLine() throws {
        let text = """
            default: { response_rate: 0.5 }
            msp:
              respons_rate: 0.6
              ack_rate: high
              recall: 60
            """
        let error = try #require(throws: ScoreTargetsError.self) { try ScoreTargets.parse(text) }
        let messages = error.problems.map(\.description)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.hasPrefix("targets.yaml:3: msp.respons_rate: unknown metric") })
        #expect(messages.contains { $0.hasPrefix("targets.yaml:4: msp.ack_rate: target must be a number") })
        #expect(messages.contains { $0.hasPrefix("targets.yaml:5: msp.recall: target 60 is outside 0...1") })
    }

    @Test func malformedFilesAreRejected() {
        #expect(throws: ScoreTargetsError.self) { try ScoreTargets.parse("- msp\n- var\n") }
        #expect(throws: ScoreTargetsError.self) { try ScoreTargets.parse("msp: 0.6\n") }
        #expect(throws: ScoreTargetsError.self) { try ScoreTargets.parse("msp: { ack_rate: 0.5\n") }
        #expect(throws: ScoreTargetsError.self) { try ScoreTargets.parse("msp: {score: 1}\nmsp: {score: 2}\n") }
    }
}
