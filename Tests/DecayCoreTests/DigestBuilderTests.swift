import Foundation
import Testing

@testable import DecayCore

/// The digest rules on the hand-made channel of `DigestFixtures`; expected values are worked out there.
@Suite("Digest builder")
struct DigestBuilderTests {
    let builder = DigestBuilder()

    func digest(_ manager: String, targets: ScoreTargets? = nil, messages: [DigestMessageInput]? = nil) throws -> Digest {
        try self.builder.build(DigestFixtures.input(manager: manager, targets: targets, messages: messages ?? [DigestFixtures.messageItem()]))
    }

    @Test func channelManagersSeeThePartnersTheyOwn() throws {
        let digest = try self.digest("cm-1")
        #expect(digest.partners.map(\.id) == ["p-a", "p-b", "p-d"])
        #expect(digest.engagement.partners == 3)
        #expect(digest.engagement.reps == 11)
        #expect(digest.manager == Digest.Manager(id: "cm-1", name: "Ana Channel", role: .channelManager))
        let other = try self.digest("cm-2")
        #expect(other.partners.map(\.id) == ["p-c"])
        #expect(other.engagement.reps == 3)
    }

    /// pm-a sees r1, r2 and, through lead-a, r3 and r4, but not r5 of the second manager at the same partner.
    @Test func partnerManagersSeeTheirOwnRepsThroughTeamLeads() throws {
        let scope = try DigestScope(manager: DigestFixtures.people.first { $0.id == "pm-a" }!, partners: DigestFixtures.partners, people: DigestFixtures.people)
        #expect(scope.reps == ["r1", "r2", "r3", "r4"])
        #expect(scope.relayers == ["pm-a", "lead-a"])
        #expect(scope.partners == ["p-a"])
        let lead = try self.digest("lead-a")
        #expect(lead.engagement.reps == 2)
        #expect(lead.partners.first?.topReps.map(\.id) == ["r3", "r4"])
        let second = try self.digest("pm-a2")
        #expect(second.engagement.reps == 1)
        #expect(second.quietReps.map(\.id) == ["r5"])
        #expect(second.manager.partnerName == "Acme IT")
    }

    @Test func repsAndEmptyScopesGetNoDigest() {
        #expect(throws: DigestError.notAManager(id: "r1", role: .rep)) { try self.digest("r1") }
        #expect(throws: DigestError.nothingToReport(id: "cm-3", role: .channelManager)) { try self.digest("cm-3") }
        var people = DigestFixtures.people.filter { $0.reportsTo != "pm-b" }
        people.append(Person(id: "r6", name: "Moved", partner: "p-b", role: .rep, reportsTo: "pm-a"))
        #expect(throws: DigestError.nothingToReport(id: "pm-b", role: .partnerManager)) {
            try DigestScope(manager: DigestFixtures.people.first { $0.id == "pm-b" }!, partners: DigestFixtures.partners, people: people)
        }
    }

    /// Ranks are within the category across the channel (p-c is cm-2's), with last week's rank and score.
    @Test func partnersAreRankedWithinCategoryWithWeekOverWeekChange() throws {
        let partners = try self.digest("cm-1").partners
        let acme = try #require(partners.first { $0.id == "p-a" })
        let birch = try #require(partners.first { $0.id == "p-b" })
        #expect(acme.rank == 2)
        #expect(acme.previousRank == 3)
        #expect(acme.rankedInCategory == 3)
        #expect(acme.score.trend == .better)
        #expect(abs((acme.score.current ?? 0) - 67.1) < 0.1)
        #expect(acme.score.previous == 0)
        #expect(birch.rank == 3)
        #expect(birch.previousRank == 1)
        #expect(birch.score.trend == .worse)
        #expect(abs((birch.score.current ?? 0) - 41.8) < 0.1)
    }

    @Test func topThreeRepsByActivityThenCorrectAnswers() throws {
        let partners = try self.digest("cm-1").partners
        #expect(partners.first { $0.id == "p-b" }?.topReps.map(\.id) == ["r6", "r8", "r7"])
        #expect(partners.first { $0.id == "p-a" }?.topReps.map(\.id) == ["r1", "r2", "r3"])
        #expect(partners.first { $0.id == "p-b" }?.topReps.first == Digest.RepLine(
            id: "r6", name: "Rep R6", acked: 3, responded: 2, quizCorrect: 1, quizAnswers: 4, recentActivity: 5))
        let mine = try self.digest("pm-a").partners
        #expect(mine.map(\.id) == ["p-a"])
        #expect(mine.first?.topReps.map(\.id) == ["r1", "r2", "r3"])
    }

    /// Quiet means reached but no ack or response in 14 days: r5 (a month ago) and r9 (never), not r14 (never reached).
    @Test func quietRepsAndPartners() throws {
        let digest = try self.digest("cm-1")
        #expect(digest.quietReps.map(\.id) == ["r5", "r9"])
        #expect(digest.quietReps.first == Digest.QuietRep(id: "r5", name: "Rep R5", partner: "p-a", partnerName: "Acme IT", lastActivity: DigestFixtures.old))
        #expect(digest.partners.map(\.quietReps) == [1, 1, 0])
        #expect(digest.quietPartners.isEmpty)
        let second = try self.digest("pm-a2")
        #expect(second.quietPartners == [Digest.QuietPartner(id: "p-a", name: "Acme IT", reps: 1, lastActivity: DigestFixtures.old)])
    }

    /// A lone rep (p-d) or two answering reps are below the display rule: counts stay, no percentage.
    @Test func fewerThanThreePeopleShowNoPercentage() throws {
        let digest = try self.digest("cm-1")
        let delta = try #require(digest.partners.first { $0.id == "p-d" })
        #expect(delta.ackRate.text == "n<3")
        #expect(delta.ackRate.rate == nil)
        #expect(delta.ackRate.successes == 1)
        #expect(delta.score.current == nil)
        #expect(delta.rank == nil)
        let message = try #require(digest.messages.first)
        #expect(message.relayLoss.direct.text == "n<3")
        #expect(message.relayLoss.direct.trials == 2)
        let lead = try self.digest("lead-a")
        #expect(lead.messages.first?.correctNow.text == "n<3")
        #expect(lead.engagement.medianAckHours == nil)
    }

    @Test func engagementIsPooledOverTheScopesRepsWithLastWeeksValues() throws {
        let engagement = try self.digest("cm-1").engagement
        #expect(engagement.ackRate.successes == 15)
        #expect(engagement.ackRate.trials == 23)
        #expect(engagement.ackRate.people == 10)
        #expect(engagement.change(.ackRate)?.previous == 0.6)
        #expect(engagement.change(.ackRate)?.trend == .better)
        #expect(engagement.activeShare.successes == 8)
        #expect(engagement.reach.successes == 9)
        #expect(engagement.reach.trials == 11)
    }

    /// Latest answers per rep: r1 and r2 picked "Retail shops", r3 moved on to "Banks"; r1's free text and pm-a's relay
    /// to 5 people say "retail" (6 people). pm-c's relay to 100 is another manager's and does not count.
    @Test func messageRecallDistortionAndReach() throws {
        let message = try #require(try self.digest("cm-1").messages.first)
        #expect(message.correctNow.successes == 1)
        #expect(message.correctNow.trials == 4)
        #expect(message.reach.successes == 9)
        #expect(message.reach.trials == 11)
        #expect(message.ackRate.successes == 8)
        #expect(message.distortion == Digest.Distortion(keyPoint: "target", text: "retail", people: 6, sources: [.freeText, .relay]))
        #expect(message.relayLoss.relays == 1)
        #expect(message.keyPoints.map(\.halfLifeDays.value) == [10, 1000])
        #expect(message.fastestDecaying?.id == "target")
        let other = try #require(try self.digest("cm-2").messages.first)
        #expect(other.distortion == Digest.Distortion(keyPoint: "target", text: "enterprise", people: 100, sources: [.relay]))
    }

    @Test func quizWrongAnswersCountLatestAnswersPerRep() throws {
        let quizOnly = MessageReportInput(answers: DigestFixtures.messageInput.answers, freeTexts: [], relays: [])
        var item = DigestFixtures.messageItem()
        item.input = quizOnly
        let message = try #require(try self.digest("cm-1", messages: [item]).messages.first)
        #expect(message.distortion == Digest.Distortion(keyPoint: "target", text: "Retail shops", people: 2, sources: [.quiz]))
    }

    /// `0.9 / (1 + t/10)` falls to 0.6 five days after the delivery, 30 days ago; the 1000-day point stays above.
    @Test func recheckIsDueWithTheDateRecallDropsBelowTheThreshold() throws {
        let recheck = try #require(try self.digest("cm-1").rechecks.first)
        #expect(recheck.keyPoint == "target")
        #expect(abs(recheck.dropsBelowAt.timeIntervalSince(DigestFixtures.end.addingTimeInterval(-25 * 86_400))) <= 60)
        #expect(abs(recheck.projectedRecall - 0.225) < 1e-9)
        #expect(recheck.threshold == 0.6)
        let steady = DigestFixtures.messageItem(report: DigestFixtures.report(target: 1000, price: 1000))
        #expect(try self.digest("cm-1", messages: [steady]).rechecks.isEmpty)
        let unreported = DigestFixtures.messageItem(report: DigestFixtures.report(target: nil, price: nil))
        #expect(try self.digest("cm-1", messages: [unreported]).rechecks.isEmpty)
    }

    /// Through one relay with half the recall kept per hop, 0.45 is below 0.6 from the delivery on.
    @Test func relayedRepsStartBelowTheThreshold() throws {
        let deliveries = ["r1", "r2", "r3"].map { DigestFixtures.delivery($0, daysAgo: 3, hops: 1) }
        let item = DigestFixtures.messageItem(report: DigestFixtures.report(target: 1000, price: 1000, rho: 0.5), deliveries: deliveries)
        let recheck = try #require(try self.digest("pm-a", messages: [item]).rechecks.first)
        #expect(recheck.dropsBelowAt == DigestFixtures.end.addingTimeInterval(-3 * 86_400))
    }

    @Test func messagesNotDeliveredLatelyAreNotActive() throws {
        let stale = DigestFixtures.messageItem(deliveries: ["r1", "r2", "r3"].map { DigestFixtures.delivery($0, daysAgo: 200) })
        let digest = try self.digest("cm-1", messages: [stale])
        #expect(digest.messages.isEmpty)
        #expect(digest.rechecks.isEmpty)
        #expect(digest.engagement.reach.trials == 0)
    }

    /// Default ack target 0.6 and score 50, msp score 70: p-a meets ack and misses score, p-b misses both, p-d is unknown.
    @Test func scorecardCountsTargetsMetAndMissed() throws {
        let targets = ScoreTargets(["default": [.ackRate: 0.6, .score: 50], "msp": [.score: 70]])
        let digest = try self.digest("cm-1", targets: targets)
        #expect(digest.scorecard == [
            Digest.ScorecardSummary(metric: .ackRate, met: 1, missed: 1, unknown: 1),
            Digest.ScorecardSummary(metric: .score, met: 0, missed: 2, unknown: 1),
        ])
        #expect(digest.partners.first?.scorecard?.map(\.met) == [true, false])
        #expect(try self.digest("cm-1").scorecard == nil)
    }

    /// r6 is p-b's busiest rep of all time, but none of it in the last 90 days: r8 and r7 lead, r6 is not listed.
    @Test func topRepsAreRankedOverTheLast90Days() throws {
        var input = DigestFixtures.input(manager: "cm-1")
        input.current.people = input.current.people.map { person in
            var person = person
            if person.id == "r6" { person.inputs.recentActivity = 0 }
            if person.id == "r7" { person.inputs.recentActivity = 9 }
            return person
        }
        let partners = try self.builder.build(input).partners
        #expect(partners.first { $0.id == "p-b" }?.topReps.map(\.id) == ["r7", "r8"])
        #expect(partners.first { $0.id == "p-b" }?.topReps.first?.recentActivity == 9)
    }

    /// Nobody in scope acked or answered since Monday: the digest counts 0 active reps this week (the renderers then
    /// say "no activity this week" once); with last activity two days before the end it counts them.
    @Test func aWeekWithoutActivityIsCountedAsSuch() throws {
        #expect(try self.digest("cm-1").engagement.repsActiveThisWeek == 8)
        var input = DigestFixtures.input(manager: "cm-1")
        input.current.people = input.current.people.map { person in
            var person = person
            if person.inputs.lastActivity != nil { person.inputs.lastActivity = DigestFixtures.old }
            return person
        }
        #expect(try self.builder.build(input).engagement.repsActiveThisWeek == 0)
    }

    /// With a guessing floor of 1/3 (three options): 2 right of 3 people is (2 - 1) / (3 - 1) = 50% who know it.
    /// cm-1's reps are 1 right of 4, no better than guessing: 0%. The projection is the mean over key points of
    /// `0.9 / (1 + t/h)` a week after the cut-off, 37 days after the deliveries: (0.9/4.7 + 0.9/1.037) / 2.
    @Test func knowItIsOneScaleWithGuessingRemoved() throws {
        let guesses = KnowItFigure.guesses([DigestFixtures.survey])
        #expect(guesses == ["m1-check/q1": 1.0 / 3])
        let three = [("r1", "a"), ("r2", "a"), ("r3", "b")].map { DigestFixtures.answer($0.0, $0.1, daysAgo: 1) }
        let figure = KnowItFigure(three, guesses: guesses)
        #expect(abs((figure.share ?? -1) - 0.5) < 1e-9)
        #expect(figure.text == "50%")
        #expect(KnowItFigure(Array(three.prefix(2)), guesses: guesses).text == "n<3")
        let message = try #require(try self.digest("cm-1").messages.first)
        #expect(message.knowNow == KnowItFigure(share: 0, people: 4))
        #expect(message.relayLoss.knowDirect.text == "n<3")
        let projected = try #require(message.projected)
        #expect(abs(projected.share - (0.9 / 4.7 + 0.9 / 1.037) / 2) < 1e-9)
        #expect(projected.at == DigestFixtures.end.addingTimeInterval(7 * 86_400))
    }

    /// Version 1 of m1 said the target was retail: r1 and r2 (latest answer "Retail shops") and pm-a (relayed "great for
    /// retail shops") still carry it; r3 moved on to "Banks". The spreading distortion is named after the version:
    /// r1 and r2 by quiz and free text, and pm-a's relay to 5 people.
    @Test func peopleStillOnAnOldVersionAreCountedAndNamedAsTheDistortion() throws {
        var old = DigestFixtures.message
        old.version = 1
        old.keyPoints[0] = KeyPoint(id: "target", text: "Vault is for retail shops.", concepts: [["retail"]])
        var input = DigestFixtures.messageInput
        input.oldVersions = OldVersionEvidence(
            previous: [old],
            quizAnswers: input.answers.map { answer in
                OldVersionEvidence.QuizAnswer(
                    person: answer.personID, survey: answer.surveyID, question: answer.questionID, choices: answer.choices,
                    correct: answer.correct, at: answer.submittedAt)
            },
            texts: input.relays.map { relay in OldVersionEvidence.Text(person: relay.from, keyPoints: nil, text: relay.text, at: relay.at, isRelay: true) })
        let item = DigestMessageInput(
            message: DigestFixtures.message, surveys: [DigestFixtures.survey], report: DigestFixtures.report(target: 10, price: 1000),
            input: input, deliveries: DigestFixtures.messageItem().deliveries)
        #expect(item.oldVersions?.oldOptions == ["m1-check/q1": ["b": 1]])
        let message = try #require(try self.digest("cm-1", messages: [item]).messages.first)
        #expect(message.stillOnOldVersion == [Digest.OldVersionLine(version: 1, people: 3, keyPoints: ["target"])])
        #expect(message.stillOnOldVersion.first?.distortion == "old version (v1)")
        #expect(message.distortion == Digest.Distortion(keyPoint: "target", text: "old version (v1)", people: 7, sources: [.quiz, .freeText, .relay]))
        let other = try #require(try self.digest("cm-2", messages: [item]).messages.first)
        #expect(other.stillOnOldVersion.isEmpty, "pm-c's relay said enterprise, r10 picked Banks")
    }

    @Test func theDigestRoundTripsThroughJSON() throws {
        let digest = try self.digest("cm-1", targets: ScoreTargets(["default": [.ackRate: 0.6]]))
        #expect(try JSONDecoder().decode(Digest.self, from: JSONEncoder().encode(digest)) == digest)
    }
}
