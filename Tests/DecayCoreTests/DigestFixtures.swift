import Foundation

@testable import DecayCore

/// A small hand-made channel for digest tests, built so every expected figure can be worked out by hand.
///
/// - cm-1 owns p-a, p-b (msp) and p-d (var); cm-2 owns p-c (msp); cm-3 owns nothing.
/// - p-a: pm-a with r1, r2 and team lead lead-a (r3, r4); pm-a2, a second manager, with r5 (quiet).
/// - p-b: pm-b with r6 (5 acks + responses), r7 and r8 (3 each; r8 more correct), r9 (reached, never active),
///   r14 (never reached). p-c: r10–r12, perfect this week. p-d: r13 alone (below the 3-people rule).
/// - Scores in msp now rank p-c, p-a, p-b; a week ago p-b was first.
enum DigestFixtures {
    static let utc = TimeZone(identifier: "UTC")!
    static let week = try! ISOWeek.parse("2026-W47")
    static let start = week.start(in: utc)
    static let end = week.end(in: utc)
    static let recent = end.addingTimeInterval(-2 * 86_400)
    static let old = end.addingTimeInterval(-30 * 86_400)

    static let partners = [
        Partner(id: "p-a", name: "Acme IT", category: "msp", tier: "gold", manager: "cm-1"),
        Partner(id: "p-b", name: "Birch Cloud", category: "msp", tier: "silver", manager: "cm-1"),
        Partner(id: "p-c", name: "Cobalt Systems", category: "msp", tier: "gold", manager: "cm-2"),
        Partner(id: "p-d", name: "Delta Resale", category: "var", tier: "bronze", manager: "cm-1"),
    ]

    static let people: [Person] = {
        var people = [
            Person(id: "cm-1", name: "Ana Channel", role: .channelManager),
            Person(id: "cm-2", name: "Bo Channel", role: .channelManager),
            Person(id: "cm-3", name: "Cy Channel", role: .channelManager),
            Person(id: "pm-a", name: "Pat Acme", partner: "p-a", role: .partnerManager, reportsTo: "cm-1"),
            Person(id: "lead-a", name: "Lee Acme", partner: "p-a", role: .partnerManager, reportsTo: "pm-a"),
            Person(id: "pm-a2", name: "Max Acme", partner: "p-a", role: .partnerManager, reportsTo: "cm-1"),
            Person(id: "pm-b", name: "Pia Birch", partner: "p-b", role: .partnerManager, reportsTo: "cm-1"),
            Person(id: "pm-c", name: "Paz Cobalt", partner: "p-c", role: .partnerManager, reportsTo: "cm-2"),
            Person(id: "pm-d", name: "Pim Delta", partner: "p-d", role: .partnerManager, reportsTo: "cm-1"),
        ]
        let reps: [(String, String, String)] = [
            ("r1", "p-a", "pm-a"), ("r2", "p-a", "pm-a"), ("r3", "p-a", "lead-a"), ("r4", "p-a", "lead-a"), ("r5", "p-a", "pm-a2"),
            ("r6", "p-b", "pm-b"), ("r7", "p-b", "pm-b"), ("r8", "p-b", "pm-b"), ("r9", "p-b", "pm-b"), ("r14", "p-b", "pm-b"),
            ("r10", "p-c", "pm-c"), ("r11", "p-c", "pm-c"), ("r12", "p-c", "pm-c"), ("r13", "p-d", "pm-d"),
        ]
        for (id, partner, boss) in reps {
            people.append(Person(id: id, name: "Rep \(id.uppercased())", partner: partner, role: .rep, reportsTo: boss))
        }
        return people
    }()

    static func inputs(
        _ id: String, delivered: Int, acked: Int, responded: Int, last: Date?, quiz: Int = 4, correct: Int = 3, hours: Double = 4
    ) -> EngagementInputs {
        var inputs = EngagementInputs(
            person: id, delivered: delivered, acked: acked, medianAckDelay: acked > 0 ? hours * 3600 : nil, responded: responded,
            lastActivity: last, quizAnswers: quiz, quizCorrect: correct)
        inputs.recentActivity = acked + responded
        return inputs
    }

    static func snapshot(asOf: Date, _ inputs: [EngagementInputs]) -> EngagementSnapshot {
        let byID = Dictionary(uniqueKeysWithValues: inputs.map { ($0.person, $0) })
        let people = self.people.filter { $0.partner != nil }.map { person in
            EngagementPerson(
                partner: person.partner, role: person.role,
                inputs: byID[person.id] ?? EngagementInputs(person: person.id, delivered: 0, acked: 0, responded: 0))
        }
        return EngagementSnapshot(asOf: asOf, partners: self.partners, people: people.sorted { $0.id < $1.id })
    }

    static let current = snapshot(asOf: end, [
        inputs("r1", delivered: 2, acked: 2, responded: 1, last: recent),
        inputs("r2", delivered: 2, acked: 2, responded: 1, last: recent),
        inputs("r3", delivered: 2, acked: 1, responded: 1, last: recent, hours: 30),
        inputs("r4", delivered: 2, acked: 1, responded: 1, last: recent, hours: 30),
        inputs("r5", delivered: 2, acked: 1, responded: 0, last: old),
        inputs("r6", delivered: 3, acked: 3, responded: 2, last: recent, quiz: 4, correct: 1, hours: 40),
        inputs("r7", delivered: 3, acked: 2, responded: 1, last: recent, quiz: 4, correct: 1, hours: 40),
        inputs("r8", delivered: 3, acked: 2, responded: 1, last: recent, quiz: 4, correct: 2, hours: 40),
        inputs("r9", delivered: 3, acked: 0, responded: 0, last: nil, quiz: 0, correct: 0),
        inputs("r10", delivered: 2, acked: 2, responded: 2, last: recent, quiz: 4, correct: 4, hours: 1),
        inputs("r11", delivered: 2, acked: 2, responded: 2, last: recent, quiz: 4, correct: 4, hours: 1),
        inputs("r12", delivered: 2, acked: 2, responded: 2, last: recent, quiz: 4, correct: 4, hours: 1),
        inputs("r13", delivered: 1, acked: 1, responded: 1, last: recent),
    ])

    static let previous = snapshot(asOf: start, [
        inputs("r1", delivered: 2, acked: 0, responded: 0, last: old, quiz: 2, correct: 0),
        inputs("r2", delivered: 2, acked: 0, responded: 0, last: old, quiz: 2, correct: 0),
        inputs("r3", delivered: 2, acked: 0, responded: 0, last: old, quiz: 2, correct: 0),
        inputs("r6", delivered: 3, acked: 3, responded: 3, last: old, quiz: 4, correct: 4, hours: 1),
        inputs("r7", delivered: 3, acked: 3, responded: 3, last: old, quiz: 4, correct: 4, hours: 1),
        inputs("r8", delivered: 3, acked: 3, responded: 3, last: old, quiz: 4, correct: 4, hours: 1),
        inputs("r10", delivered: 2, acked: 1, responded: 1, last: old, quiz: 4, correct: 2, hours: 10),
        inputs("r11", delivered: 2, acked: 1, responded: 1, last: old, quiz: 4, correct: 2, hours: 10),
        inputs("r12", delivered: 2, acked: 1, responded: 1, last: old, quiz: 4, correct: 2, hours: 10),
    ])

    /// For msp partners; key point `target` decays with a 10-day half-life, `price` with 1000 days.
    static let message = Message(
        id: "m1", version: 2, title: "Vault is for healthcare", audience: Audience(categories: ["msp"]),
        keyPoints: [
            KeyPoint(id: "target", text: "Vault is for healthcare.", concepts: [["healthcare"]], distortions: [["retail"], ["enterprise"]]),
            KeyPoint(id: "price", text: "Vault costs 10 dollars.", concepts: [["price", "cost"]]),
        ],
        body: "Vault is for healthcare.")

    static let survey = Survey(id: "m1-check", title: "Check", message: "m1", questions: [
        Question(
            id: "q1", kind: .singleChoice, prompt: "Who?",
            options: [AnswerOption(id: "a", text: "Healthcare"), AnswerOption(id: "b", text: "Retail shops"), AnswerOption(id: "c", text: "Banks")],
            correct: ["a"], keyPoint: "target"),
        Question(id: "q2", kind: .freeText, prompt: "Pitch it", keyPoints: ["target", "price"]),
    ])

    static func estimate(_ value: Double?) -> MessageReport.Estimate {
        MessageReport.Estimate(value: value, low: value.map { $0 * 0.8 }, high: value.map { $0 * 1.25 }, note: "95% bootstrap interval over people")
    }

    static func keyPoint(_ id: String, halfLife: Double?, initial: Double?) -> MessageReport.KeyPointReport {
        let none = MessageReport.Rate(correct: 0, answers: 0, people: 0, rate: nil, low: nil, high: nil, text: "n<3")
        return MessageReport.KeyPointReport(
            id: id, text: "\(id) text", weight: 1, correctNow: none, halfLifeDays: self.estimate(halfLife),
            initialLearning: self.estimate(initial), projected: [:], byHops: [:], mostCommonWrongAnswer: nil,
            freeTextPresent: 0, freeTextMissing: 0, freeTextDistorted: 0)
    }

    /// A channel-wide report with the given half-lives and retention per hop.
    static func report(target: Double?, price: Double?, rho: Double? = nil) -> MessageReport {
        MessageReport(
            message: "m1", version: 2, title: message.title, quizAnswers: 0, people: 0,
            keyPoints: [self.keyPoint("target", halfLife: target, initial: 0.9), self.keyPoint("price", halfLife: price, initial: 0.9)],
            retentionPerHop: self.estimate(rho), relays: [], meanRelayFidelity: nil)
    }

    static func answer(_ person: String, _ choice: String, daysAgo: Double, hops: Int? = 0) -> MessageReportInput.QuizAnswer {
        MessageReportInput.QuizAnswer(
            personID: person, surveyID: "m1-check", questionID: "q1", keyPointID: "target", choices: [choice], correct: choice == "a",
            submittedAt: end.addingTimeInterval(-daysAgo * 86_400), deliveredAt: end.addingTimeInterval(-30 * 86_400), hops: hops)
    }

    static func delivery(_ person: String, daysAgo: Double, hops: Int = 0, acked: Bool = true) -> DigestMessageInput.Delivery {
        let at = end.addingTimeInterval(-daysAgo * 86_400)
        return DigestMessageInput.Delivery(person: person, hops: hops, deliveredAt: at, ackedAt: acked ? at.addingTimeInterval(3600) : nil)
    }

    /// r1, r2 and r3 answered q1 (r3 first wrong with "b", then "c"); r1 wrote a free text saying "retail";
    /// pm-a relayed "great for retail" to 5 people; pm-c (not cm-1's) relayed "enterprise" to 100.
    static let messageInput = MessageReportInput(
        answers: [
            answer("r1", "b", daysAgo: 3), answer("r2", "b", daysAgo: 3, hops: 1), answer("r3", "b", daysAgo: 9, hops: 1),
            answer("r3", "c", daysAgo: 2, hops: 1), answer("r6", "a", daysAgo: 2), answer("r10", "c", daysAgo: 2),
        ],
        freeTexts: [(person: "r1", keyPoints: ["target", "price"], text: "Vault is great for retail, low cost.")],
        relays: [
            MessageReportInput.Relay(from: "pm-a", at: old, recipients: 5, text: "Team: Vault is great for retail shops."),
            MessageReportInput.Relay(from: "pm-c", at: old, recipients: 100, text: "Team: Vault is for enterprise."),
        ])

    /// r1–r8 reached 30 days ago (r9 and r14 not), r13 (a var rep, outside the audience) too; r10 at cm-2's partner.
    static func messageItem(report: MessageReport = report(target: 10, price: 1000), deliveries: [DigestMessageInput.Delivery]? = nil) -> DigestMessageInput {
        let all = deliveries ?? (["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r13", "r10"].map { delivery($0, daysAgo: 30, acked: $0 != "r8") })
        return DigestMessageInput(message: message, surveys: [survey], report: report, input: messageInput, deliveries: all)
    }

    static func input(manager id: String, targets: ScoreTargets? = nil, messages: [DigestMessageInput] = [messageItem()]) -> DigestInput {
        DigestInput(
            manager: people.first { $0.id == id }!, week: week, period: Digest.Period(start: start, end: end, asOf: end, timeZone: "UTC"),
            people: people, current: current, previous: previous, targets: targets, messages: messages)
    }
}
