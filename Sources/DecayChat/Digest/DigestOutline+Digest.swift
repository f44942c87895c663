import DecayCore
import Foundation

extension DigestOutline {
    /// Longest names and titles kept whole; longer ones are clipped with "…" so one item never fills a field.
    enum Clip {
        static let name = 60
        static let title = 100
        static let phrase = 100
    }

    /// The sections in reading order: the week's numbers, messages, re-checks, pulse moves, partners, quiet partners
    /// and reps, scorecard. Sections with nothing to say are left out, except messages and partners, which say so.
    init(_ digest: Digest) {
        let timeZone = TimeZone(identifier: digest.period.timeZone) ?? .gmt
        let manager = digest.manager
        let scope = manager.role == .channelManager
            ? DigestText.count(digest.engagement.partners, "partner") + ", " + DigestText.count(digest.engagement.reps, "rep")
            : Self.name(manager.partnerName ?? "") + ", " + DigestText.count(digest.engagement.reps, "rep")
        self.title = "Weekly digest \(digest.week)"
        self.subtitle = "\(Self.name(manager.name)) (\(DigestText.role(manager.role))) · \(scope) · \(DigestText.period(digest.period))"
        var sections = [
            Section(title: "This week", items: Self.engagement(digest.engagement), noun: "figures"),
            Section(
                title: "Messages",
                items: digest.messages.isEmpty
                    ? [Item(.text("No message reached your reps in the last 180 days."))] : digest.messages.map { Self.message($0, timeZone) },
                noun: "messages"),
            Section(
                title: "Re-checks",
                items: Self.recheckActivity(digest.recheckActivity) + digest.rechecks.map { Self.recheck($0, timeZone) },
                noun: "lines"),
            Section(title: "Pulse", items: digest.pulse.map(Self.pulse), noun: "pulse moves"),
            Section(
                title: "Partners by category",
                items: digest.partners.isEmpty ? [Item(.text("No partners in scope."))] : digest.partners.map(Self.partner),
                noun: "partners"),
            Section(title: "Quiet partners (14 days)", items: digest.quietPartners.map { Self.quiet($0, timeZone) }, noun: "partners"),
            Section(title: "Quiet reps (14 days)", items: Self.quietReps(digest.quietReps), noun: "partners with quiet reps"),
            Section(title: "Scorecard", items: (digest.scorecard ?? []).map(Self.scorecard), noun: "metrics"),
        ]
        sections.removeAll { $0.items.isEmpty }
        self.sections = sections
        self.dashboardURL = digest.dashboardURL
    }

    static func name(_ text: String) -> String {
        TextBudget.clip(ChatEscaping.withoutBidiControls(text).replacingOccurrences(of: "\n", with: " "), limit: Clip.name)
    }

    private static func engagement(_ figures: Digest.Engagement) -> [Item] {
        let idle = figures.repsActiveThisWeek == 0
        func line(_ label: String, _ value: String, _ metric: Metric?) -> Item {
            let change = idle ? "" : metric.flatMap { DigestText.change(figures.change($0)) }.map { " (\($0) on last week)" } ?? ""
            return Item(Line([.bold(label), .text(" " + value + change)]))
        }
        let speed = "median \(DigestText.hours(figures.medianAckHours)) (direct \(DigestText.hours(figures.directAckHours)), "
            + "relayed \(DigestText.hours(figures.relayedAckHours)))"
        let quiet = idle ? [Item(Line([.bold("No activity this week"), .text(": no rep acked or answered since Monday")]))] : []
        return quiet + [
            line("Reach", "\(figures.reach.text) of the reps the active messages are for", nil),
            line("Ack rate", figures.ackRate.text, .ackRate),
            line("Response rate", figures.responseRate.text, .responseRate),
            line("Time to ack", speed, .medianAckHours),
            line("Active in the last 14 days", figures.activeShare.text, .activeShare),
        ]
    }

    private static func message(_ message: Digest.MessageLine, _ timeZone: TimeZone) -> Item {
        let projected = message.projected.map { ", projected \(DigestText.percent($0.share)) by \(DigestText.day($0.at, in: timeZone))" } ?? ""
        let head = Line([
            .bold(TextBudget.clip(message.title, limit: Clip.title)),
            .text(" (v\(message.version)): know it \(message.knowNow.text) now (guessing removed)\(projected) · reach \(message.reach.text)"
                + " · acked \(message.ackRate.text)"),
        ])
        var details: [Line] = []
        for old in message.stillOnOldVersion {
            details.append(Line([
                .bold("Still on v\(old.version)"),
                .text(": \(DigestText.count(old.people, "person", plural: "people")) (\(old.keyPoints.joined(separator: ", ")))"),
            ]))
        }
        if let point = message.fastestDecaying {
            details.append(Line([.bold("Fastest decay"), .text(": \(point.id), half-life \(DigestText.estimate(point.halfLifeDays))")]))
        } else if let point = message.keyPoints.first {
            details.append(Line([.bold("Half-life"), .text(": " + DigestText.estimate(point.halfLifeDays))]))
        }
        if let distortion = message.distortion {
            let sources = distortion.sources.map { $0 == .freeText ? "free text" : $0.rawValue }.joined(separator: ", ")
            details.append(Line([
                .bold("Spreading"),
                .text(": “\(TextBudget.clip(distortion.text, limit: Clip.phrase))” on \(distortion.keyPoint), "
                    + "\(DigestText.count(distortion.people, "person", plural: "people")) (\(sources))"),
            ]))
        }
        let loss = message.relayLoss
        var relay = "know it direct \(loss.knowDirect.text) vs relayed \(loss.knowRelayed.text)"
        if let fidelity = loss.meanFidelity {
            relay += " · \(DigestText.count(loss.relays, "relay")) kept \(DigestText.percent(fidelity)) of key points"
        }
        if loss.retentionPerHop.value != nil {
            relay += " · \(DigestText.estimate(loss.retentionPerHop, percent: true)) kept per hop"
        }
        details.append(Line([.bold("Relay loss"), .text(": " + relay)]))
        return Item(head, details: details)
    }

    private static func recheck(_ recheck: Digest.Recheck, _ timeZone: TimeZone) -> Item {
        Item(Line([
            .bold(TextBudget.clip(recheck.title, limit: Clip.title)),
            .text(": \(recheck.keyPoint) know it projected \(DigestText.percent(recheck.projectedRecall)) now (guessing removed), below "
                + "\(DigestText.percent(recheck.threshold)) from \(DigestText.day(recheck.dropsBelowAt, in: timeZone))"),
        ]))
    }

    /// The label of the link to the manager's dashboard.
    static let dashboardLabel = "Open your dashboard"

    /// Reps coached by name in the digest; the rest are counted.
    static let coachingShown = 10

    /// Re-checks and reminders sent in the week and how they went, those scheduled next, and the coaching list.
    private static func recheckActivity(_ activity: Digest.RecheckActivity?) -> [Item] {
        guard let activity, !activity.isEmpty else { return [] }
        var items: [Item] = []
        if activity.sent > 0 {
            var text = " \(DigestText.count(activity.sent, "rep")) re-checked, \(activity.answered) answered"
            if activity.knowBefore.share != nil || activity.knowAfter.share != nil {
                text += " · know it (guessing removed): \(activity.knowBefore.text) before, \(activity.knowAfter.text) after"
            }
            items.append(Item(Line([.bold("Sent this week"), .text(":" + text)])))
        }
        if activity.scheduled > 0 {
            items.append(Item(Line([.bold("Scheduled next 7 days"), .text(": \(DigestText.count(activity.scheduled, "rep"))")])))
        }
        if activity.nudges > 0 {
            items.append(Item(Line([
                .bold("Reminders"), .text(": \(activity.nudges) sent, \(activity.answeredAfterNudge) acknowledged or answered after one"),
            ])))
        }
        if !activity.coaching.isEmpty {
            var details = activity.coaching.prefix(Self.coachingShown).map { entry in
                Line.text("\(Self.name(entry.name)): \(entry.keyPoint) (\(entry.message))")
            }
            if activity.coaching.count > Self.coachingShown { details.append(.text("and \(activity.coaching.count - Self.coachingShown) more")) }
            items.append(Item(Line([
                .bold("Missed the same key point \(Digest.Coaching.missesInARow) times in a row"),
                .text(": \(DigestText.count(Set(activity.coaching.map(\.person)).count, "rep")) (worth a word from their manager)"),
            ]), details: Array(details)))
        }
        return items
    }

    /// One partner's move on one pulse question: `▼ 1.7 on 1–10: 6.1 (5.2–7.0, 12 people) in 2026-Q4 vs 7.8 (…) in 2026-Q3`.
    private static func pulse(_ move: Digest.PulseMove) -> Item {
        func mean(_ figure: MeanFigure, _ quarter: String) -> String {
            let interval = figure.low.flatMap { low in figure.high.map { String(format: "%.1f–%.1f, ", low, $0) } } ?? ""
            return String(format: "%.1f", figure.mean ?? 0) + " (\(interval)\(DigestText.count(figure.people, "person", plural: "people"))) in \(quarter)"
        }
        let change = (move.change > 0 ? "▲ " : "▼ ") + String(format: "%.1f", abs(move.change))
        return Item(Line([
            .bold(Self.name(move.partnerName)),
            .text(" · \(TextBudget.clip(move.prompt, limit: Clip.phrase)): \(change) on \(move.min)–\(move.max), "
                + "\(mean(move.mean, move.quarter)) vs \(mean(move.previousMean, move.previousQuarter))"),
        ]))
    }

    private static func partner(_ partner: Digest.PartnerLine) -> Item {
        let rank = partner.rank.map { "#\($0) of \(partner.rankedInCategory)" } ?? "unranked"
        let moved = partner.previousRank.flatMap { $0 == partner.rank ? nil : ", was #\($0)" } ?? ""
        let score = partner.score.current.map { String(format: "score %.0f", $0) } ?? "no score (n<3)"
        let change = DigestText.change(partner.score).map { " \($0)" } ?? ""
        let head = Line([
            .text("\(rank) \(partner.category)\(moved): "), .bold(Self.name(partner.name)),
            .text(" (\(partner.tier)) \(score)\(change) · ack \(partner.ackRate.text) · quiz score \(partner.recall.text)"),
        ])
        var details: [Line] = []
        var reps = partner.topReps.isEmpty
            ? "No rep active in the last 90 days"
            : "Top reps (90 days): " + partner.topReps.map { "\(Self.name($0.name)) (\($0.recentActivity))" }.joined(separator: ", ")
        if let share = partner.topShare { reps += " · top 3 do \(DigestText.percent(share)) of the activity" }
        if partner.quietReps > 0 { reps += " · \(partner.quietReps) quiet" }
        details.append(.text(reps))
        if let entries = partner.scorecard, !entries.isEmpty {
            let missed = entries.filter { $0.met == false }.map { entry in
                "\(entry.metric.title.replacingOccurrences(of: " (h)", with: "")) \(Self.value(entry.actual, entry.metric)) vs "
                    + Self.value(entry.target, entry.metric)
            }
            let met = entries.filter { $0.met == true }.count
            let misses = missed.isEmpty ? "" : "; missed: " + missed.joined(separator: ", ")
            details.append(.text("Targets met \(met) of \(entries.count)" + misses))
        }
        return Item(head, details: details)
    }

    private static func quiet(_ partner: Digest.QuietPartner, _ timeZone: TimeZone) -> Item {
        let last = partner.lastActivity.map { "last activity \(DigestText.day($0, in: timeZone))" } ?? "no activity yet"
        return Item(Line([.bold(Self.name(partner.name)), .text(": \(DigestText.count(partner.reps, "rep")) reached, \(last)")]))
    }

    /// One item per partner, so a cut drops whole partners.
    private static func quietReps(_ reps: [Digest.QuietRep]) -> [Item] {
        var order: [String] = []
        var byPartner: [String: [Digest.QuietRep]] = [:]
        for rep in reps {
            if byPartner[rep.partner] == nil { order.append(rep.partner) }
            byPartner[rep.partner, default: []].append(rep)
        }
        return order.compactMap { partner in
            guard let group = byPartner[partner], let first = group.first else { return nil }
            return Item(Line([
                .bold(Self.name(first.partnerName)),
                .text(" (\(group.count)): " + group.map { Self.name($0.name) }.joined(separator: ", ")),
            ]))
        }
    }

    private static func scorecard(_ summary: Digest.ScorecardSummary) -> Item {
        var text = ": \(summary.met) met, \(summary.missed) missed"
        if summary.unknown > 0 { text += ", \(summary.unknown) without data" }
        return Item(Line([.bold(summary.metric.title), .text(text)]))
    }

    /// A target or actual in its unit.
    private static func value(_ value: Double?, _ metric: Metric) -> String {
        guard let value else { return Proportion.tooFewText }
        switch metric {
        case .medianAckHours: return DigestText.hours(value)
        case .score: return String(format: "%.0f", value)
        default: return DigestText.percent(value)
        }
    }
}
