import Foundation
import Synchronization

/// Report results kept while the data they came from is unchanged: an entry is reused when its key matches and the
/// store's change stamp is the one it was computed at, and for at most `maxAge` (changes made by another process,
/// e.g. `decay import` beside `decay serve`, are not counted). Concurrent callers for one key share one computation.
/// Holds at most `capacity` entries, dropping the oldest.
///
/// A caller that may show slightly older figures (a dashboard page) asks with `servingStale`: when the data has changed
/// since, it gets the last result at once while one refresh runs in the background, so a channel that receives
/// answers all day does not make every page wait for a fit.
public actor ReportResultCache<Value: Sendable> {
    private struct Entry {
        var id: Int
        var stamp: Int
        var created: Date
        var task: Task<Value, any Error>
        /// The finished result, once some caller has seen it.
        var result: Value?
        /// A background refresh is running for this entry.
        var refreshing = false
    }

    private var entries: [String: Entry] = [:]
    private var nextID = 0
    private let capacity: Int
    private let maxAge: TimeInterval

    public init(capacity: Int = 32, maxAge: TimeInterval = 600) {
        self.capacity = capacity
        self.maxAge = maxAge
    }

    /// The result for `key` at `stamp`. `freshFor` (at most `maxAge`) shortens how long a result counts as current,
    /// for results that move with the clock. With `servingStale`, an outdated finished result younger than `maxAge` is
    /// returned while one refresh replaces it.
    public func value(
        key: String, stamp: Int, freshFor: TimeInterval? = nil, servingStale: Bool = false, now: Date = Date(),
        compute: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let freshFor = min(freshFor ?? self.maxAge, self.maxAge)
        if let entry = self.entries[key] {
            let age = now.timeIntervalSince(entry.created)
            if entry.stamp == stamp, age < freshFor {
                return try await self.finish(key: key, id: entry.id, task: entry.task)
            }
            if servingStale, let result = entry.result, age < self.maxAge {
                if !entry.refreshing { self.refresh(key: key, stamp: stamp, now: now, compute: compute) }
                return result
            }
        }
        let task = Task { try await compute() }
        let id = self.store(key: key, stamp: stamp, now: now, task: task)
        return try await self.finish(key: key, id: id, task: task)
    }

    /// How many results are held, for the bound's test.
    public var count: Int { self.entries.count }

    /// Waits for an entry's computation and keeps its result for stale serving; a failure is not kept, so the next
    /// caller tries again.
    private func finish(key: String, id: Int, task: Task<Value, any Error>) async throws -> Value {
        do {
            let value = try await task.value
            if self.entries[key]?.id == id { self.entries[key]?.result = value }
            return value
        } catch {
            if self.entries[key]?.id == id { self.entries[key] = nil }
            throw error
        }
    }

    private func refresh(key: String, stamp: Int, now: Date, compute: @escaping @Sendable () async throws -> Value) {
        self.entries[key]?.refreshing = true
        Task {
            do {
                let value = try await compute()
                self.store(key: key, stamp: stamp, now: now, task: Task { value })
                self.entries[key]?.result = value
            } catch {
                self.entries[key]?.refreshing = false
            }
        }
    }

    @discardableResult
    private func store(key: String, stamp: Int, now: Date, task: Task<Value, any Error>) -> Int {
        if self.entries[key] == nil, self.entries.count >= self.capacity,
           let oldest = self.entries.min(by: { $0.value.created < $1.value.created }) {
            self.entries[oldest.key] = nil
        }
        self.nextID += 1
        self.entries[key] = Entry(id: self.nextID, stamp: stamp, created: now, task: task)
        return self.nextID
    }
}
