import Foundation
import Synchronization

/// Report results kept while the data they came from is unchanged: an entry is reused when its key matches and the
/// store's change stamp is the one it was computed at, and for at most `maxAge` (changes made by another process,
/// e.g. `decay import` beside `decay serve`, are not counted). Concurrent callers for one key share one computation.
/// Holds at most `capacity` entries, dropping the oldest.
public actor ReportResultCache<Value: Sendable> {
    private struct Entry {
        var stamp: Int
        var created: Date
        var task: Task<Value, any Error>
    }

    private var entries: [String: Entry] = [:]
    private let capacity: Int
    private let maxAge: TimeInterval

    public init(capacity: Int = 32, maxAge: TimeInterval = 600) {
        self.capacity = capacity
        self.maxAge = maxAge
    }

    public func value(key: String, stamp: Int, now: Date = Date(), compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let entry = self.entries[key], entry.stamp == stamp, now.timeIntervalSince(entry.created) < self.maxAge {
            return try await entry.task.value
        }
        let task = Task { try await compute() }
        if self.entries[key] == nil, self.entries.count >= self.capacity,
           let oldest = self.entries.min(by: { $0.value.created < $1.value.created }) {
            self.entries[oldest.key] = nil
        }
        self.entries[key] = Entry(stamp: stamp, created: now, task: task)
        do {
            return try await task.value
        } catch {
            // A failure is not kept: the next caller tries again.
            if self.entries[key]?.created == now { self.entries[key] = nil }
            throw error
        }
    }

    /// How many results are held, for the bound's test.
    public var count: Int { self.entries.count }
}
