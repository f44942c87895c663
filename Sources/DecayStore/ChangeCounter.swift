import GRDB
import Synchronization

/// Counts the transactions this process commits that change what reports read (the directory, deliveries, relays,
/// responses and their scored outcomes), so caches of report results can tell, for the price of reading an
/// integer, whether their data may have changed. Sessions, the outbox and digest bookkeeping do not count.
/// Another set of tables makes another counter (re-check contacts and their posts).
public final class ChangeCounter: TransactionObserver, Sendable {
    public static let reportTables: Set<String> = [
        "partner", "person", "message_version", "delivery", "relay", "relay_recipient", "response", "answer",
        "quiz_outcome", "free_text_point", "scorecard_target",
    ]
    private let tables: Set<String>
    private let count = Atomic<Int>(0)
    /// Whether the open transaction changed a report table; only the writer's one connection touches it.
    private let dirty = Atomic<Bool>(false)

    public init(tables: Set<String> = ChangeCounter.reportTables) {
        self.tables = tables
    }

    /// Bumped after each commit that changed a report table.
    public var value: Int { self.count.load(ordering: .acquiring) }

    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        self.tables.contains(eventKind.tableName)
    }

    /// One change is enough to know the transaction wrote; the rest of it is not looked at.
    public func databaseDidChange(with event: DatabaseEvent) {
        self.dirty.store(true, ordering: .relaxed)
        self.stopObservingDatabaseChangesUntilNextTransaction()
    }

    public func databaseDidCommit(_ db: Database) {
        if self.dirty.exchange(false, ordering: .relaxed) { self.count.add(1, ordering: .releasing) }
    }

    public func databaseDidRollback(_ db: Database) {
        self.dirty.store(false, ordering: .relaxed)
    }
}
