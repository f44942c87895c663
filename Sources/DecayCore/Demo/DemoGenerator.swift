import Foundation

/// Generates a realistic synthetic channel from the shipped content, with known decay parameters so that
/// scoring can be checked against the truth. The model is documented in `docs/demo-model.md`.
public struct DemoGenerator: Sendable {
    public var seed: UInt64
    /// The generated history ends here.
    public var asOf: Date
    public var partnerCount: Int
    public var repsPerPartner: ClosedRange<Int>

    public init(seed: UInt64, asOf: Date, partnerCount: Int = 40, repsPerPartner: ClosedRange<Int> = 4...16) {
        self.seed = seed
        self.asOf = asOf
        self.partnerCount = partnerCount
        self.repsPerPartner = repsPerPartner
    }

    static let day: TimeInterval = 86_400
    /// A quiz right after the broadcast and two re-checks, as a vendor would run them (days after delivery).
    static let recheckWindows: [ClosedRange<Double>] = [0.2...7, 7...40, 40...120]

    /// Hidden per-partner behaviour that drives disparity between partners.
    struct PartnerTraits {
        var engagement: Double
        var directShare: Double
        var relayFidelity: Double
    }

    public func generate(catalog: ContentCatalog) -> DemoChannel {
        var random = SeededRandom(seed: self.seed)
        var channel = DemoChannel(partners: [], people: [], deliveries: [], relays: [], responses: [], truth: [:])
        let managers = DemoNames.channelManagers.enumerated().map { index, manager in
            Person(
                id: "cm-\(index + 1)", name: manager.name, email: "\(manager.handle)@northwind.example.com", role: .channelManager,
                timezone: manager.timezone, chatHandle: "@\(manager.handle)",
                chat: ChatDestination(format: manager.format, url: "https://chat.example.com/hooks/cm-\(index + 1)")
            )
        }
        channel.people += managers
        var traits: [String: PartnerTraits] = [:]
        var repNumber = 0
        for index in 1...self.partnerCount {
            let regionIndex = index % 3
            let partner = Partner(
                id: String(format: "partner-%03d", index), name: DemoNames.partnerName(index, &random),
                category: Self.weighted([("msp", 0.45), ("var", 0.35), ("distributor", 0.2)], &random),
                tier: Self.weighted([("gold", 0.2), ("silver", 0.35), ("bronze", 0.45)], &random),
                region: ["emea", "na", "apac"][regionIndex], manager: managers[regionIndex].id,
                chat: ChatDestination(format: ChatFormat.allCases[index % ChatFormat.allCases.count], url: "https://chat.example.com/hooks/partner-\(index)")
            )
            channel.partners.append(partner)
            traits[partner.id] = PartnerTraits(
                engagement: random.uniform(0.35, 0.95), directShare: random.uniform(0.2, 0.6), relayFidelity: random.uniform(0.55, 0.95)
            )
            let manager = Person(
                id: String(format: "pm-%03d", index), name: DemoNames.personName(&random), email: String(format: "pm%03d@partner.example.com", index),
                partner: partner.id, role: .partnerManager, reportsTo: managers[regionIndex].id, timezone: managers[regionIndex].timezone,
                chatHandle: String(format: "@pm%03d", index),
                chat: ChatDestination(format: partner.chat!.format, url: "https://chat.example.com/hooks/pm-\(index)")
            )
            channel.people.append(manager)
            let repCount = random.int(in: self.repsPerPartner)
            var lead: Person?
            if repCount >= 11 {
                lead = Person(
                    id: String(format: "lead-%03d", index), name: DemoNames.personName(&random), email: String(format: "lead%03d@partner.example.com", index),
                    partner: partner.id, role: .partnerManager, reportsTo: manager.id, timezone: manager.timezone
                )
                channel.people.append(lead!)
            }
            for rep in 0..<repCount {
                repNumber += 1
                let boss = (lead != nil && rep % 2 == 1) ? lead!.id : manager.id
                channel.people.append(Person(
                    id: String(format: "rep-%04d", repNumber), name: DemoNames.personName(&random),
                    email: String(format: "rep%04d@partner.example.com", repNumber), partner: partner.id, role: .rep,
                    reportsTo: boss, timezone: manager.timezone, chatHandle: String(format: "@rep%04d", repNumber)
                ))
            }
        }
        let messages = catalog.sortedMessages
        for (index, message) in messages.enumerated() {
            let sentDaysAgo = 150.0 - Double(index) * (100.0 / Double(max(messages.count, 1)))
            let sent = self.asOf.addingTimeInterval(-sentDaysAgo * Self.day + 9 * 3600)
            var curves: [String: ForgettingCurve] = [:]
            let rho = random.uniform(0.7, 0.88)
            for point in message.keyPoints {
                curves[point.id] = ForgettingCurve(initial: random.uniform(0.85, 0.97), halfLife: random.uniform(18, 60), rho: rho, shape: 1)
            }
            channel.truth[message.id] = curves
            self.broadcast(message, sent: sent, curves: curves, traits: traits, catalog: catalog, into: &channel, random: &random)
        }
        self.pulseSurveys(catalog: catalog, traits: traits, into: &channel, random: &random)
        var lastQuarter = SeededRandom(seed: self.seed &+ 0x9E37_79B9_7F4A_7C15)
        self.previousPulseRound(catalog: catalog, traits: traits, into: &channel, random: &lastQuarter)
        channel.history = DemoHistory.messages(for: catalog)
        channel.targets = Self.targets
        return channel
    }

    /// Delivers one message to its audience, direct or relayed down the reporting lines, and generates acks and quiz answers.
    private func broadcast(
        _ message: Message, sent: Date, curves: [String: ForgettingCurve], traits: [String: PartnerTraits], catalog: ContentCatalog,
        into channel: inout DemoChannel, random: inout SeededRandom
    ) {
        let quizzes = catalog.surveys(forMessage: message.id)
        let peopleByPartner = Dictionary(grouping: channel.people.filter { $0.partner != nil }, by: { $0.partner! })
        for partner in channel.partners where message.audience.includes(category: partner.category, tier: partner.tier, region: partner.region) {
            guard let trait = traits[partner.id], let members = peopleByPartner[partner.id] else { continue }
            var reached: [String: (hops: Int, at: Date, via: String?)] = [:]
            var relayed: [String: [String]] = [:]
            for person in members where person.role == .partnerManager && person.id.hasPrefix("pm-") {
                reached[person.id] = (0, sent.addingTimeInterval(random.uniform(30, 600)), nil)
            }
            for person in members where person.id.hasPrefix("lead-") {
                let boss = reached[person.reportsTo ?? ""]?.at ?? sent
                reached[person.id] = (1, boss.addingTimeInterval(random.uniform(2, 72) * 3600), person.reportsTo)
                relayed[person.reportsTo ?? "", default: []].append(person.id)
            }
            for person in members where person.role == .rep {
                if random.chance(trait.directShare) {
                    reached[person.id] = (0, sent.addingTimeInterval(random.uniform(30, 600)), nil)
                } else if let boss = person.reportsTo, let upstream = reached[boss] {
                    reached[person.id] = (upstream.hops + 1, upstream.at.addingTimeInterval(random.uniform(1, 48) * 3600), boss)
                    relayed[boss, default: []].append(person.id)
                }
            }
            for (relayer, recipients) in relayed.sorted(by: { $0.key < $1.key }) {
                guard let origin = reached[relayer] else { continue }
                channel.relays.append(DemoRelay(
                    messageID: message.id, messageVersion: message.version, from: relayer, to: recipients.sorted(),
                    text: DemoText.relay(message, fidelity: trait.relayFidelity, random: &random),
                    at: origin.at.addingTimeInterval(3600)
                ))
            }
            for person in members {
                guard let route = reached[person.id] else { continue }
                let acked = random.chance(trait.engagement * (route.hops == 0 ? 0.95 : 0.8))
                let ackDelay = -log(1 - random.unit()) * 6 * 3600 * Double(1 + route.hops)
                let ackedAt = route.at.addingTimeInterval(ackDelay)
                channel.deliveries.append(DemoDelivery(
                    messageID: message.id, messageVersion: message.version, personID: person.id, hops: route.hops, via: route.via,
                    deliveredAt: route.at, ackedAt: acked && ackedAt < self.asOf ? ackedAt : nil
                ))
                guard person.role == .rep else { continue }
                let available = self.asOf.timeIntervalSince(route.at) / Self.day
                for quiz in quizzes {
                    for (round, window) in Self.recheckWindows.enumerated() where window.lowerBound < available {
                        guard random.chance(trait.engagement * 0.85) else { continue }
                        let days = random.uniform(window.lowerBound, min(window.upperBound, available))
                        channel.responses.append(DemoResponse(
                            externalID: "demo-\(quiz.id)-\(person.id)-\(round + 1)", surveyID: quiz.id, personID: person.id,
                            messageID: message.id, messageVersion: message.version, submittedAt: route.at.addingTimeInterval(days * Self.day),
                            answers: DemoAnswers.quiz(quiz, message: message, curves: curves, days: days, hops: route.hops, random: &random)
                        ))
                    }
                }
            }
        }
    }

    /// Partner managers and some reps answer the pulse surveys (those not tied to a message).
    private func pulseSurveys(catalog: ContentCatalog, traits: [String: PartnerTraits], into channel: inout DemoChannel, random: inout SeededRandom) {
        for survey in catalog.sortedSurveys where survey.message == nil {
            for person in channel.people {
                guard let partner = person.partner, let trait = traits[partner] else { continue }
                guard random.chance(Self.pulseRate(person.role, engagement: trait.engagement)) else { continue }
                channel.responses.append(DemoResponse(
                    externalID: "demo-\(survey.id)-\(person.id)", surveyID: survey.id, personID: person.id, messageID: nil, messageVersion: nil,
                    submittedAt: self.asOf.addingTimeInterval(-random.uniform(1, 40) * Self.day),
                    answers: DemoAnswers.pulse(survey, engagement: trait.engagement, random: &random)
                ))
            }
        }
    }

    /// Last quarter's round of the pulse surveys, drawn from a random stream of its own so the rest of the demo stays as
    /// it was. Most partners answered about as they do now; one in five has since moved, up or down, by a third of the scale or more,
    /// so the pulse page and the channel managers' digests have changes on the previous quarter to show.
    private func previousPulseRound(catalog: ContentCatalog, traits: [String: PartnerTraits], into channel: inout DemoChannel, random: inout SeededRandom) {
        let quarter = CalendarQuarter(containing: self.asOf).previous
        let before = traits.keys.sorted().reduce(into: [String: Double]()) { moved, partner in
            let engagement = traits[partner]?.engagement ?? 0.5
            let shift = random.chance(0.2) ? random.uniform(0.35, 0.5) * (random.chance(0.5) ? -1 : 1) : random.uniform(-0.05, 0.05)
            moved[partner] = min(0.95, max(0.05, engagement + shift))
        }
        for survey in catalog.sortedSurveys where survey.message == nil {
            for person in channel.people {
                guard let partner = person.partner, let engagement = before[partner] else { continue }
                guard random.chance(Self.pulseRate(person.role, engagement: engagement)) else { continue }
                channel.responses.append(DemoResponse(
                    externalID: "demo-\(survey.id)-\(person.id)-\(quarter)", surveyID: survey.id, personID: person.id, messageID: nil,
                    messageVersion: nil, submittedAt: quarter.start.addingTimeInterval(random.uniform(5, 60) * Self.day),
                    answers: DemoAnswers.pulse(survey, engagement: engagement, random: &random)
                ))
            }
        }
    }

    /// How likely a person answers a pulse round: partner managers nearly always, reps about half as often as they engage.
    static func pulseRate(_ role: Role, engagement: Double) -> Double {
        role == .rep ? 0.5 * engagement : 0.9 * engagement
    }

    /// Targets a vendor might set: most partners meet some and miss others. MSPs, which resell monthly, are asked for
    /// quicker acknowledgements.
    static let targets = ScoreTargets([
        ScoreTargets.defaultKey: [.responseRate: 0.85, .ackRate: 0.6, .medianAckHours: 24, .recall: 0.6, .activeShare: 0.25, .score: 70],
        "msp": [.medianAckHours: 12],
    ])

    static func weighted(_ choices: [(String, Double)], _ random: inout SeededRandom) -> String {
        var roll = random.unit() * choices.reduce(0) { $0 + $1.1 }
        for (value, weight) in choices {
            roll -= weight
            if roll < 0 { return value }
        }
        return choices[choices.count - 1].0
    }
}
