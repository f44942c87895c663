import GRDB
import Synchronization

/// Counts the transactions this process commits that change anything, so caches of report results can tell, for
/// the price of reading an integer, whether the data they were computed from may have changed.
public final class ChangeCounter: TransactionObserver, Sendable {
    private let count = Atomic<Int>(0)

    public init() {}

    /// Bumped after each commit that changed a row.
    public var value: Int { self.count.load(ordering: .acquiring) }

    public func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }

    /// One change is enough to know the transaction wrote; the rest of it is not looked at.
    public func databaseDidChange(with event: DatabaseEvent) {
        self.stopObservingDatabaseChangesUntilNextTransaction()
    }

    public func databaseDidCommit(_ db: Database) {
        self.count.add(1, ordering: .releasing)
    }

    public func databaseDidRollback(_ db: Database) {}
}
