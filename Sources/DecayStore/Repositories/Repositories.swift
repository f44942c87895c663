import DecayCore
import Foundation

// What the use cases need from storage, one protocol per need: SQL in, values out, no scoring. `AppDatabase` is
// the SQLite implementation of all of them; another engine implements the same protocols.

/// Free-text answers whose key-point statuses were never scored, and storing them once scored.
public protocol FreeTextRepository: Sendable {
    func unscoredFreeTexts() async throws -> [UnscoredFreeText]?
    func storeBackfilledFreeTextPoints(_ scored: [(answer: UnscoredFreeText, points: [PointScore])]) async throws
}

/// The message versions the content folders hold.
public protocol ContentRepository: FreeTextRepository {
    func recordMessageVersions(_ catalog: ContentCatalog) async throws
}

/// Writing the synthetic demo channel.
public protocol DemoRepository: ContentRepository {
    func directorySize() async throws -> (partners: Int, people: Int)
    func saveDemo(_ channel: DemoChannel, freeTextPoints: [String: [String: [PointScore]]]) async throws
}

/// Partners and people: reads, and all-or-nothing upserts, each logged with what came of it.
public protocol DirectoryRepository: Sendable {
    func partners() async throws -> [Partner]
    func people(partner: String?) async throws -> [Person]
    func person(_ id: String) async throws -> Person?
    func upsertPartners(_ partners: [Partner], from source: ImportLogEntry.Source) async throws -> ImportSummary
    func upsertPeople(
        from source: ImportLogEntry.Source,
        checkedBy check: @escaping @Sendable (_ partnerIDs: Set<String>, _ existing: [String: Person]) throws -> [Person]
    ) async throws -> ImportSummary
    func logImport(_ entry: ImportLogEntry) async throws
    func recentImports(limit: Int) async throws -> [ImportLogEntry]
}

/// What the message, partners and person reports read.
public protocol ReportRepository: FreeTextRepository {
    /// Moves whenever this process commits a change; equal stamps mean cached report results still hold.
    var changeStamp: Int { get }
    func messageReportInput(message: Message, surveys: [Survey], asOf: Date?, freeTexts: Bool) async throws -> MessageReportInput
    func engagementSnapshot(asOf: Date, scope: EngagementScope) async throws -> EngagementSnapshot
    func personActivity(_ id: String, asOf: Date) async throws -> PersonActivity?
    /// The directory's people, of one partner or all: reports name people, where the figures count them by id.
    func people(partner: String?) async throws -> [Person]
    func scoreTargets() async throws -> ScoreTargets?
    func pulseAnswers(surveys: [String], from: Date, through: Date) async throws -> [PulseAnswer]
}

/// What the re-check planner reads.
public protocol RecheckInputRepository: Sendable {
    func recheckInput(messages: [String], asOf: Date) async throws -> RecheckInput
    func oldVersionEvidence(message: Message, surveys: [Survey], asOf: Date) async throws -> OldVersionEvidence?
}

/// What a weekly digest reads.
public protocol DigestRepository: ReportRepository {
    func partners() async throws -> [Partner]
    func people(partner: String?) async throws -> [Person]
    func deliveries(asOf: Date) async throws -> [DeliveryRecord]
    func digestContacts(from: Date, through: Date) async throws -> [DigestContact]
}

/// Queuing each manager's digest exactly once per week.
public protocol DigestQueueRepository: Sendable {
    func digestSchedulerStart(now: Date) async throws -> Date
    func hasDigest(manager: String, week: ISOWeek) async throws -> Bool
    func recordDigest(manager: String, week: ISOWeek, post: OutboxItem, now: Date) async throws -> Int64?
}

/// Recording a broadcast: its deliveries and posts in one transaction.
public protocol BroadcastRepository: Sendable {
    func partners() async throws -> [Partner]
    func people(partner: String?) async throws -> [Person]
    func disabledDestinations() async throws -> [String: String]
    func recordBroadcast(
        message: Message, survey: String?, audience: AudienceSpec, people: [String], now: Date,
        posts: @escaping @Sendable (Int64) -> [OutboxItem]
    ) async throws -> BroadcastRecord
}

/// Re-checks and reminders: who to plan for, what was already queued, and queueing them exactly once.
public protocol RecheckRepository: RecheckInputRepository {
    func partners() async throws -> [Partner]
    func people(partner: String?) async throws -> [Person]
    func disabledDestinations() async throws -> [String: String]
    func queuedContacts(since: Date) async throws -> [QueuedContact]
    func nudgeCandidates(since: Date, asOf: Date) async throws -> [NudgeCandidate]
    func queueContacts(_ posts: [ContactPost], perWeek: Int, now: Date) async throws -> ContactQueueResult
    func cancelStaleContacts(now: Date) async throws -> CancelledContacts
}

/// What became of the re-checks and reminders sent or due around a date, for the dashboard.
public protocol ContactActivityRepository: Sendable {
    func contactActivity(from: Date, through: Date) async throws -> [ContactActivity]
    /// Moves on every commit that may change contact activity: contacts, their posts, or answers.
    var contactStamp: Int { get }
}

/// The outbox as people see it: listing, counts and putting a post back in the queue.
public protocol OutboxRepository: Sendable {
    func outbox(status: OutboxStatus?, limit: Int) async throws -> [OutboxEntry]
    func outboxCounts() async throws -> [OutboxStatus: Int]
    func retryOutbox(id: Int64, now: Date) async throws -> OutboxEntry
}

/// Removing a person's personal data, and raw request bodies past their retention.
public protocol ErasureRepository: Sendable {
    func erasePerson(_ id: String) async throws -> ErasureCounts?
    func pruneInboundBodies(receivedBefore cutoff: Date) async throws -> Int
}

/// Storing inbound requests with what they produced, and what ingest looks up on the way.
public protocol IngestRepository: Sendable {
    func ingest(_ request: InboundRequest, checked: Result<CheckedEvent, InboundError>) async throws -> IngestOutcome
    func replay(inboundID: Int64, request: InboundRequest, checked: Result<CheckedEvent, InboundError>) async throws -> IngestOutcome
    func inboundRequest(_ id: Int64) async throws -> InboundRequest?
    func inboundOutcome(source: String, externalID: String) async throws -> IngestOutcome?
    func inbox(rejectedOnly: Bool, limit: Int) async throws -> [InboxItem]
    func person(_ id: String) async throws -> Person?
    func person(chatHandle: String) async throws -> Person?
    func people(partner: String?) async throws -> [Person]
    func partners() async throws -> [Partner]
    func quizAnswers(person: String, survey: String) async throws -> [(question: String, correct: Bool)]
    func queueReply(_ item: OutboxItem, now: Date) async throws
}

extension AppDatabase {
    public var changeStamp: Int { self.changes.value }
    /// The sum of two counters that only grow, so it moves when either does.
    public var contactStamp: Int { self.changes.value + self.contactChanges.value }
}

extension AppDatabase: IngestRepository, ContentRepository, DemoRepository, DirectoryRepository, ReportRepository, DigestRepository, DigestQueueRepository,
    BroadcastRepository, OutboxRepository, ErasureRepository, RecheckRepository, RecheckInputRepository,
    ContactActivityRepository {}
