import DecayCore
import Foundation
import GRDB

extension AppDatabase {
    /// The digest of one manager for one ISO week in their time zone, as of `min(end of week, now)`.
    /// Throws `DigestError` for an unknown person, a rep, an empty scope or a week that has not started.
    /// Pass one `reports` cache to all the digests of a run so each message is fitted once per time zone.
    ///
    ///     let digest = try await database.digest(managerID: "cm-1", week: try .parse("2026-W47"), now: Date(), catalog: catalog)
    public func digest(
        managerID: String, week: ISOWeek, now: Date, catalog: ContentCatalog, targets: ScoreTargets? = nil,
        options: DigestOptions = DigestOptions(), reports: MessageReportCache = MessageReportCache()
    ) async throws -> Digest {
        let input = try await self.digestInput(
            managerID: managerID, week: week, now: now, catalog: catalog, targets: targets, options: options, reports: reports)
        return try DigestBuilder(options: options).build(input)
    }

    /// Everything ``DigestBuilder`` needs, read in one transaction so all figures describe the same moment; then the
    /// channel-wide message reports (a forgetting fit with bootstrap intervals each) for the active messages.
    /// `targets` default to the `scorecard_target` table; none there means no scorecard.
    public func digestInput(
        managerID: String, week: ISOWeek, now: Date, catalog: ContentCatalog, targets: ScoreTargets? = nil,
        options: DigestOptions = DigestOptions(), reports: MessageReportCache = MessageReportCache()
    ) async throws -> DigestInput {
        let read = try await self.reader.read { db in
            try Self.digestRead(managerID: managerID, week: week, now: now, catalog: catalog, options: options, db)
        }
        var messages: [DigestMessageInput] = []
        for item in read.messages {
            let report = await reports.report(item.message, surveys: item.surveys, input: item.input, asOf: read.period.asOf)
            messages.append(DigestMessageInput(
                message: item.message, surveys: item.surveys, report: report, input: item.input, deliveries: item.deliveries))
        }
        return DigestInput(
            manager: read.manager, week: week, period: read.period, people: read.people, current: read.current,
            previous: read.previous, targets: targets ?? read.targets, messages: messages)
    }

    private static func digestRead(
        managerID: String, week: ISOWeek, now: Date, catalog: ContentCatalog, options: DigestOptions, _ db: Database
    ) throws -> DigestRead {
        guard let manager = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [managerID]).map(Self.person) else {
            throw DigestError.unknownManager(managerID)
        }
        if manager.role == .rep { throw DigestError.notAManager(id: manager.id, role: manager.role) }
        let timeZone = TimeZone(identifier: manager.timezone) ?? .gmt
        let start = week.start(in: timeZone)
        let end = week.end(in: timeZone)
        guard start <= now else { throw DigestError.weekNotStarted(week, timeZone: timeZone.identifier) }
        let period = Digest.Period(start: start, end: end, asOf: min(end, now), timeZone: timeZone.identifier)
        let people = try Self.fetchPeople(db)
        let current = try Self.engagementSnapshot(asOf: period.asOf, scope: .everyone, db)
        let scope = try DigestScope(manager: manager, partners: current.partners, people: people)
        let deliveries = try Self.digestDeliveries(to: scope.reps, asOf: period.asOf, db)
        var messages: DigestRead.Messages = []
        for message in catalog.sortedMessages {
            let mine = deliveries[message.id] ?? []
            guard let latest = mine.map(\.deliveredAt).max(), options.isActive(latestDelivery: latest, asOf: period.asOf) else { continue }
            let surveys = catalog.surveys(forMessage: message.id)
            let input = try Self.messageReportInput(message: message, surveys: surveys, asOf: period.asOf, freeTexts: true, db)
            messages.append((message, surveys, input, mine))
        }
        return DigestRead(
            manager: manager, period: period, people: people, current: current,
            previous: try Self.engagementSnapshot(asOf: period.start, scope: .everyone, db),
            targets: try Self.scoreTargets(db), messages: messages)
    }

    /// Deliveries up to `asOf` to the given people, by message id.
    private static func digestDeliveries(
        to people: Set<String>, asOf: Date, _ db: Database
    ) throws -> [String: [DigestMessageInput.Delivery]] {
        let ids = String(decoding: try JSONEncoder().encode(people.sorted()), as: UTF8.self)
        var result: [String: [DigestMessageInput.Delivery]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT message_id, person_id, hops, delivered_at, acked_at FROM delivery
            WHERE delivered_at <= :cutoff AND person_id IN (SELECT value FROM json_each(:ids))
            """, arguments: ["cutoff": asOf.timeIntervalSince1970, "ids": ids])
        while let row = try rows.next() {
            let acked = (row["acked_at"] as Double?).flatMap { $0 <= asOf.timeIntervalSince1970 ? Date(timeIntervalSince1970: $0) : nil }
            result[row["message_id"], default: []].append(DigestMessageInput.Delivery(
                person: row["person_id"], hops: row["hops"], deliveredAt: Date(timeIntervalSince1970: row["delivered_at"]), ackedAt: acked))
        }
        return result
    }

    /// Targets from the `scorecard_target` table; nil when it is empty. Unknown metric names are skipped.
    static func scoreTargets(_ db: Database) throws -> ScoreTargets? {
        var byCategory: [String: [Metric: Double]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT category, metric, target FROM scorecard_target") {
            guard let metric = Metric(rawValue: row["metric"]) else { continue }
            byCategory[row["category"], default: [:]][metric] = row["target"]
        }
        return byCategory.isEmpty ? nil : ScoreTargets(byCategory)
    }
}

/// What one read transaction gathers for a digest; message reports are built after it, outside the transaction.
private struct DigestRead: Sendable {
    typealias Messages = [(message: Message, surveys: [Survey], input: MessageReportInput, deliveries: [DigestMessageInput.Delivery])]

    var manager: Person
    var period: Digest.Period
    var people: [Person]
    var current: EngagementSnapshot
    var previous: EngagementSnapshot
    var targets: ScoreTargets?
    var messages: Messages
}
