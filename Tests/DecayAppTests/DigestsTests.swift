import DecayApp
import DecayCore
import DecayStore
import Foundation
import GRDB
import Testing

/// Digests built from a real SQLite file seeded with the demo channel (history up to 2026-11-20).
@Suite("Digests")
struct DigestsTests {
    static let demoDay = Date(timeIntervalSince1970: 1_795_132_800)
    /// Monday 2026-11-23 noon UTC: week 47 is over in every demo time zone.
    static let now = Date(timeIntervalSince1970: 1_795_132_800 + 3.5 * 86_400)
    static let week = try! ISOWeek.parse("2026-W47")

    static func seeded() async throws -> (AppDatabase, ContentCatalog) {
        let catalog = try TestDatabase.catalog()
        let database = try await TestDatabase.open()
        _ = try await DemoSeeding(store: database, catalog: catalog).seed(1, asOf: Self.demoDay)
        return (database, catalog)
    }

    static func digest(
        _ database: AppDatabase, _ catalog: ContentCatalog, _ manager: String, week: ISOWeek = week, now: Date = now,
        run: DigestRun? = nil
    ) async throws -> Digest {
        try await Digests(store: database, catalog: catalog).build(
            manager: manager, week: week, now: now, run: run ?? DigestRun(store: database, catalog: catalog, resamples: 10))
    }

    /// People reporting to `boss`, directly or through others, by walking the directory as stored.
    static func reportees(of boss: String, _ people: [Person]) -> Set<String> {
        var found: Set<String> = []
        var queue = [boss]
        while let next = queue.popLast() {
            for person in people where person.reportsTo == next && found.insert(person.id).inserted { queue.append(person.id) }
        }
        return found
    }

    @Test func aChannelManagerSeesTheirPartnersAndTheirReps() async throws {
        let (database, catalog) = try await Self.seeded()
        let digest = try await Self.digest(database, catalog, "cm-1")
        let owned = Set(try await database.partners().filter { $0.manager == "cm-1" }.map(\.id))
        let people = try await database.people()
        let reps = people.filter { $0.role == .rep && owned.contains($0.partner ?? "") }
        #expect(Set(digest.partners.map(\.id)) == owned)
        #expect(digest.engagement.partners == owned.count)
        #expect(digest.engagement.reps == reps.count)
        #expect(!digest.quietReps.isEmpty)
        #expect(digest.quietReps.allSatisfy { owned.contains($0.partner) })
        #expect(digest.partners.allSatisfy { partner in partner.topReps.allSatisfy { rep in reps.contains { $0.id == rep.id && $0.partner == partner.id } } })
        #expect(digest.period == Digest.Period(
            start: Self.week.start(in: TimeZone(identifier: "Europe/Berlin")!), end: Self.week.end(in: TimeZone(identifier: "Europe/Berlin")!),
            asOf: Self.week.end(in: TimeZone(identifier: "Europe/Berlin")!), timeZone: "Europe/Berlin"))
        #expect(digest.messages.count == 3)
        #expect(digest.messages.allSatisfy { $0.correctNow.rate != nil && $0.keyPoints.contains { $0.halfLifeDays.value != nil } })
        #expect(digest.messages.contains { $0.distortion != nil })

        let report = try await EngagementReports(store: database).partners(asOf: digest.period.asOf, category: nil)
        for line in digest.partners {
            let same = try #require(report.partners.first { $0.id == line.id })
            #expect(line.score.current == same.score)
            #expect(line.rank == same.rankInCategory)
        }
    }

    /// A partner with a team lead: its manager sees every rep under them, the lead only the reps under the lead.
    /// Four reps of one of cm-1's partners rate the vendor's importance 2–3 in the summer and 9–10 in week 47: cm-1's
    /// digest says so in its Pulse section; the partner's manager and another channel manager get no such line.
    @Test func aPartnersPulseMoveReachesItsChannelManagersDigest() async throws {
        let (database, catalog) = try await Self.seeded()
        let people = try await database.people()
        let partner = try #require(try await database.partners().first { partner in
            partner.manager == "cm-1" && people.filter { $0.partner == partner.id && $0.role == .rep }.count >= 4
        })
        let reps = Array(people.filter { $0.partner == partner.id && $0.role == .rep }.prefix(4)).map(\.id)
        try await database.writer.write { db in
            try db.execute(sql: """
                DELETE FROM response WHERE survey_id = 'channel-health'
                  AND person_id IN (SELECT id FROM person WHERE partner_id = ?)
                """, arguments: [partner.id])
            for (index, rep) in reps.enumerated() {
                for (day, value) in [("2026-08-15T10:00:00Z", [2.0, 3, 2, 3][index]), ("2026-11-18T10:00:00Z", [9.0, 9, 10, 9][index])] {
                    let at = try Date(day, strategy: .iso8601).timeIntervalSince1970
                    try db.execute(sql: """
                        INSERT INTO response (source, external_id, survey_id, person_id, submitted_at, received_at)
                        VALUES ('test', ?, 'channel-health', ?, ?, ?)
                        """, arguments: ["pulse-\(rep)-\(day)", rep, at, at])
                    try db.execute(sql: "INSERT INTO answer (response_id, question_id, kind, number) VALUES (?, 'q1', 'scale', ?)",
                                   arguments: [db.lastInsertedRowID, value])
                }
            }
        }

        let digest = try await Self.digest(database, catalog, "cm-1")
        let move = try #require(digest.pulse.first { $0.partner == partner.id && $0.question == "q1" })
        #expect(move.mean.mean == 9.25 && move.mean.people == 4)
        #expect(move.previousMean.mean == 2.5 && move.previousMean.people == 4)
        #expect(move.quarter == "2026-Q4" && move.previousQuarter == "2026-Q3")
        let owned = Set(try await database.partners().filter { $0.manager == "cm-1" }.map(\.id))
        #expect(digest.pulse.allSatisfy { owned.contains($0.partner) && $0.mean.people >= 3 && $0.previousMean.people >= 3 })
        let payload = String(decoding: Digests.render(digest, as: .mattermost).body, as: UTF8.self)
        #expect(payload.contains("**Pulse**"))

        let manager = try #require(people.first { $0.partner == partner.id && $0.role == .partnerManager })
        #expect(try await Self.digest(database, catalog, manager.id).pulse.isEmpty, "partner managers get no Pulse section")
        let other = try #require(try await database.partners().first { $0.manager != "cm-1" && $0.manager != nil }?.manager)
        #expect(try await Self.digest(database, catalog, other).pulse.allSatisfy { $0.partner != partner.id })
    }

    @Test func partnerManagersAndLeadsSeeOnlyTheirReps() async throws {
        let (database, catalog) = try await Self.seeded()
        let people = try await database.people()
        let lead = try #require(people.first { $0.id.hasPrefix("lead-") })
        let manager = try #require(lead.reportsTo)
        let run = DigestRun(store: database, catalog: catalog, resamples: 10)
        var reps: [String: Int] = [:]
        for id in [manager, lead.id] {
            let digest = try await Self.digest(database, catalog, id, run: run)
            reps[id] = digest.engagement.reps
            let mine = Self.reportees(of: id, people).filter { rep in people.contains { $0.id == rep && $0.role == .rep } }
            #expect(digest.engagement.reps == mine.count)
            #expect(digest.partners.map(\.id) == [lead.partner])
            #expect(Set(digest.quietReps.map(\.id)).isSubset(of: mine))
            #expect(Set(digest.partners.flatMap(\.topReps).map(\.id)).isSubset(of: mine))
            #expect(digest.manager.partner == lead.partner)
        }
        #expect(reps[lead.id]! < reps[manager]!)
    }

    /// A run narrows each digest's inputs to its scope and shares fits and reports between digests; every digest must
    /// equal the one the builder makes from the whole channel's data, read afresh.
    @Test func aSharedRunGivesTheSameDigestsAsTheWholeChannelRead() async throws {
        let (database, catalog) = try await Self.seeded()
        let run = DigestRun(store: database, catalog: catalog, resamples: 10)
        let people = try await database.people()
        let managers = ["cm-1", "cm-2"] + people.filter { $0.role == .partnerManager }.prefix(4).map(\.id)
        for id in managers {
            let shared = try await Self.digest(database, catalog, id, run: run)
            let manager = try #require(people.first { $0.id == id })
            let zone = TimeZone(identifier: manager.timezone) ?? .gmt
            let period = Digest.Period(start: Self.week.start(in: zone), end: Self.week.end(in: zone), asOf: Self.week.end(in: zone), timeZone: zone.identifier)
            let deliveries = Dictionary(grouping: try await database.deliveries(asOf: period.asOf), by: \.message)
            var messages: [DigestMessageInput] = []
            for message in catalog.sortedMessages {
                let mine = (deliveries[message.id] ?? []).map(\.delivery)
                guard let latest = mine.map(\.deliveredAt).max(), DigestOptions().isActive(latestDelivery: latest, asOf: period.asOf) else { continue }
                let surveys = catalog.surveys(forMessage: message.id)
                let input = try await database.messageReportInput(message: message, surveys: surveys, asOf: period.asOf, freeTexts: true)
                let report = MessageReportBuilder(bootstrap: ForgettingBootstrap(resamples: 10, seed: 1)).build(message: message, surveys: surveys, input: input)
                messages.append(DigestMessageInput(message: message, surveys: surveys, report: report, input: input, deliveries: mine))
            }
            let pulseSurveys = catalog.surveys.values.filter { $0.message == nil }
            func pulse(asOf: Date) async throws -> PulseReport {
                let answers = try await database.pulseAnswers(
                    surveys: pulseSurveys.map(\.id).sorted(), from: CalendarQuarter(containing: asOf).previous.start, through: asOf)
                return PulseReport(surveys: pulseSurveys, answers: answers, asOf: asOf)
            }
            let whole = try DigestBuilder().build(DigestInput(
                manager: manager, week: Self.week, period: period, people: people,
                current: try await database.engagementSnapshot(asOf: period.asOf), previous: try await database.engagementSnapshot(asOf: period.start),
                targets: try await database.scoreTargets(), messages: messages,
                pulse: manager.role == .channelManager ? (try await pulse(asOf: period.asOf), try await pulse(asOf: period.start)) : nil))
            #expect(shared == whole, "\(id)")
        }
    }

    /// Answers and deliveries after the cut-off are left out: in week 27 only the first broadcast (late June) was out.
    @Test func aPastWeekCountsOnlyWhatHadHappenedByItsEnd() async throws {
        let (database, catalog) = try await Self.seeded()
        let past = try await Self.digest(database, catalog, "cm-2", week: try ISOWeek.parse("2026-W27"))
        #expect(past.messages.map(\.id) == ["per-workload-pricing"])
        #expect(past.period.asOf == past.period.end)
        let midWeek = Self.week.start(in: TimeZone(identifier: "America/New_York")!).addingTimeInterval(86_400)
        let partial = try await Self.digest(database, catalog, "cm-2", now: midWeek)
        #expect(partial.period.asOf == midWeek)
    }

    @Test func refusesWithReasons() async throws {
        let (database, catalog) = try await Self.seeded()
        await #expect(throws: UseCaseError(.notFound, DigestError.unknownManager("nobody").description, field: "manager")) {
            try await Self.digest(database, catalog, "nobody")
        }
        await #expect(throws: UseCaseError(.unprocessable, DigestError.notAManager(id: "rep-0001", role: .rep).description, field: "manager")) {
            try await Self.digest(database, catalog, "rep-0001")
        }
        let future = DigestError.weekNotStarted(try ISOWeek.parse("2026-W49"), timeZone: "Europe/Berlin")
        await #expect(throws: UseCaseError(.invalid, future.description, field: "week")) {
            try await Self.digest(database, catalog, "cm-1", week: try ISOWeek.parse("2026-W49"))
        }
    }

    /// Every manager with people under them gets a digest, to their own destination only: never the partner's
    /// channel, where the reps it names as quiet would read it.
    @Test func recipientsAreManagersWithTimeZonesAndDestinations() async throws {
        let (database, _) = try await Self.seeded()
        let recipients = DigestRecipient.all(people: try await database.people(), partners: try await database.partners())
        let people = try await database.people()
        let managers = people.filter { $0.role != .rep }
        #expect(recipients.map(\.id) == managers.map(\.id))
        for recipient in recipients {
            let person = try #require(people.first { $0.id == recipient.id })
            #expect(recipient.timezone == person.timezone)
            #expect(recipient.chat == person.chat)
        }
        let lead = try #require(people.first { $0.id.hasPrefix("lead-") })
        #expect(lead.chat == nil)
        #expect(try #require(recipients.first { $0.id == lead.id }).chat == nil, "a lead without a destination of their own gets none")
    }
}
