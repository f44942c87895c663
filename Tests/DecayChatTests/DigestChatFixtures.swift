import DecayChat
import DecayCore
import Foundation

/// Digests for the renderer tests: a small one for the golden files and a 200-partner one with long names.
enum DigestChatFixtures {
    static let week = try! ISOWeek.parse("2026-W47")
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let end = week.end(in: berlin)

    static func share(_ successes: Int, _ trials: Int, people: Int? = nil) -> ShareFigure {
        ShareFigure(Proportion(successes: successes, trials: trials, people: people))
    }

    static func estimate(_ value: Double?, _ low: Double? = nil, _ high: Double? = nil, note: String = "95% bootstrap interval over people") -> MessageReport.Estimate {
        MessageReport.Estimate(value: value, low: low, high: high, note: note)
    }

    static func engagement(partners: Int, reps: Int) -> Digest.Engagement {
        Digest.Engagement(
            partners: partners, reps: reps, reach: share(95, 100), ackRate: share(61, 100), responseRate: share(48, 100),
            activeShare: share(30, 50), medianAckHours: 6.25, directAckHours: 4.5, relayedAckHours: 11,
            changes: [
                MetricChange(metric: .ackRate, previous: 0.58, current: 0.61),
                MetricChange(metric: .responseRate, previous: 0.5, current: 0.48),
                MetricChange(metric: .medianAckHours, previous: 7, current: 6.25),
                MetricChange(metric: .activeShare, previous: nil, current: 0.6),
            ],
            repsActiveThisWeek: 18)
    }

    static func message(_ id: String, title: String) -> Digest.MessageLine {
        Digest.MessageLine(
            id: id, version: 2, title: title, reach: share(40, 42), ackRate: share(30, 40), correctNow: share(96, 160, people: 40),
            keyPoints: [
                Digest.KeyPointLine(id: "target-market", text: "Mid-market healthcare.", correctNow: share(20, 40), halfLifeDays: estimate(24.6, 18.2, 33.9)),
                Digest.KeyPointLine(id: "restore-sla", text: "Recovery within 4 hours.", correctNow: share(1, 2), halfLifeDays: estimate(nil, note: "only 12 people answered; at least 20 are needed")),
            ],
            distortion: Digest.Distortion(keyPoint: "target-market", text: "Retail small businesses & <shops>", people: 14, sources: [.quiz, .relay]),
            relayLoss: Digest.RelayLoss(
                direct: share(60, 80), relayed: share(36, 80), retentionPerHop: estimate(0.78, 0.7, 0.86), relays: 6, meanFidelity: 0.74,
                knowDirect: KnowItFigure(share: 0.625, people: 20), knowRelayed: KnowItFigure(share: 0.04, people: 20)),
            knowNow: KnowItFigure(share: 0.41, people: 40), projected: Digest.Projection(share: 0.14, at: end.addingTimeInterval(7 * 86_400)),
            stillOnOldVersion: [Digest.OldVersionLine(version: 1, people: 9, keyPoints: ["target-market"])])
    }

    static func partner(_ id: String, name: String, category: String, rank: Int?, previousRank: Int?, reps: [String]) -> Digest.PartnerLine {
        Digest.PartnerLine(
            id: id, name: name, category: category, tier: "gold", reps: 12, ackRate: share(30, 40), responseRate: share(20, 40),
            recall: share(50, 80), score: MetricChange(metric: .score, previous: 70, current: rank == nil ? nil : 74.4), rank: rank,
            previousRank: previousRank, rankedInCategory: 14,
            topReps: reps.enumerated().map { Digest.RepLine(id: "rep-\($0.offset)", name: $0.element, acked: 6 - $0.offset, responded: 3, quizCorrect: 5, quizAnswers: 8, recentActivity: 7 - $0.offset) },
            topShare: 0.42, quietReps: 2,
            scorecard: [
                ScorecardEntry(ScorecardLine(metric: .ackRate, target: 0.7, actual: 0.75)),
                ScorecardEntry(ScorecardLine(metric: .medianAckHours, target: 24, actual: 30.5)),
            ])
    }

    /// A channel manager's week with two partners, one message, one re-check and a hostile partner name.
    static func small() -> Digest {
        Digest(
            manager: Digest.Manager(id: "cm-1", name: "Anna Keller", role: .channelManager),
            week: week,
            period: Digest.Period(start: week.start(in: berlin), end: end, asOf: end, timeZone: "Europe/Berlin"),
            engagement: engagement(partners: 2, reps: 24),
            messages: [message("vault-3-launch", title: "Vault 3.0 is for mid-market healthcare")],
            rechecks: [Digest.Recheck(
                message: "vault-3-launch", title: "Vault 3.0 is for mid-market healthcare", keyPoint: "target-market",
                keyPointText: "Mid-market healthcare.", projectedRecall: 0.52, dropsBelowAt: end.addingTimeInterval(-3 * 86_400), threshold: 0.6)],
            partners: [
                partner("partner-001", name: "Juniper Networks", category: "msp", rank: 2, previousRank: 4, reps: ["Ingrid Silva", "Leila Murphy", "Tomasz Kim"]),
                partner("partner-002", name: "Smith_&_<Sons>* @channel", category: "var", rank: nil, previousRank: nil, reps: []),
            ],
            quietPartners: [Digest.QuietPartner(id: "partner-002", name: "Smith_&_<Sons>* @channel", reps: 3, lastActivity: nil)],
            quietReps: [
                Digest.QuietRep(id: "rep-9", name: "Ben Dubois", partner: "partner-001", partnerName: "Juniper Networks", lastActivity: end.addingTimeInterval(-20 * 86_400)),
                Digest.QuietRep(id: "rep-8", name: "Chen Khan", partner: "partner-001", partnerName: "Juniper Networks", lastActivity: nil),
            ],
            scorecard: [Digest.ScorecardSummary(metric: .ackRate, met: 1, missed: 0, unknown: 1)],
            recheckActivity: Digest.RecheckActivity(
                sent: 9, answered: 6,
                knowBefore: KnowItFigure(share: 0.2, people: 9), knowAfter: KnowItFigure(share: 0.78, people: 6),
                scheduled: 4, nudges: 3, answeredAfterNudge: 2,
                coaching: [Digest.Coaching(
                    person: "rep-7", name: "Tomasz <b>Kim</b> @here", message: "vault-3-launch", keyPoint: "target-market",
                    keyPointText: "Mid-market healthcare.", misses: 3)]),
            pulse: [pulseMove("partner-002", name: "Smith_&_<Sons>* @channel", mean: 5.2, previous: 7.9)])
    }

    /// A partner's move on the strategy question, 12 people this quarter and 10 the one before.
    static func pulseMove(_ id: String, name: String, mean: Double, previous: Double) -> Digest.PulseMove {
        func figure(_ mean: Double, _ people: Int) -> MeanFigure {
            var figure = MeanFigure([])
            figure.people = people
            figure.mean = mean
            figure.low = mean - 0.8
            figure.high = mean + 0.8
            return figure
        }
        return Digest.PulseMove(
            partner: id, partnerName: name, survey: "channel-health", question: "q1",
            prompt: "How important are Northwind products to your company's strategy? (1 = not at all, 10 = core)", min: 1, max: 10,
            mean: figure(mean, 12), previousMean: figure(previous, 10), quarter: "2026-Q4", previousQuarter: "2026-Q3")
    }

    static let filler = "Managed Services & Cloud Backup <Solutions> for *Healthcare*_Providers "

    /// 200 partners named `Partner #001 …` (about 150 characters each), 10 long-titled messages, 200 pulse moves of
    /// partners named `Pulse #…`, quiet partners named `Quiet #…`, and quiet reps in teams named `Team #…`, so each section's items can be counted in a payload.
    static func huge() -> Digest {
        var digest = small()
        digest.engagement = engagement(partners: 200, reps: 3000)
        digest.messages = (1...10).map { message("message-\($0)", title: "Message \($0): " + String(repeating: "A very long message title ", count: 10)) }
        digest.rechecks = digest.messages.map { line in
            Digest.Recheck(message: line.id, title: line.title, keyPoint: "target-market", keyPointText: "x", projectedRecall: 0.4, dropsBelowAt: end, threshold: 0.6)
        }
        digest.partners = (1...200).map { index in
            partner(
                String(format: "partner-%03d", index), name: String(format: "Partner #%03d ", index) + filler + filler, category: ["msp", "var"][index % 2],
                rank: index, previousRank: index + 1, reps: (1...3).map { "Representative \($0) " + String(repeating: "Longname ", count: 8) })
        }
        digest.quietPartners = (1...200).map {
            Digest.QuietPartner(id: "q\($0)", name: String(format: "Quiet #%03d ", $0) + filler, reps: 12, lastActivity: end.addingTimeInterval(-30 * 86_400))
        }
        digest.quietReps = (1...200).flatMap { team in
            (1...12).map { Digest.QuietRep(id: "r\(team)-\($0)", name: "Quiet Rep \($0) Longname", partner: "t\(team)", partnerName: String(format: "Team #%03d", team), lastActivity: nil) }
        }
        digest.pulse = (1...200).map { pulseMove("pp\($0)", name: String(format: "Pulse #%03d ", $0) + filler, mean: 4.0, previous: 8.0) }
        digest.scorecard = Metric.allCases.map { Digest.ScorecardSummary(metric: $0, met: 100, missed: 90, unknown: 10) }
        digest.dashboardURL = "https://decay.example.com/login/link?token=" + String(repeating: "T", count: 180)
        return digest
    }
}
