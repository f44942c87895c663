import Foundation
import GRDB
import Synchronization

/// Group commit: concurrent writers hand their work to one loop that runs everything pending in a single
/// transaction and answers each caller only after the commit; a failing piece is rolled back on its own (see `commit`).
/// A job may run twice (once optimistically, once isolated), so it must only touch the database.
///
///     let id = try await batcher.submit { db in try insertSomething(db) }
public final class WriteBatcher: Sendable {
    private struct Job: Sendable {
        let work: @Sendable (Database) throws -> any Sendable
        let complete: @Sendable (Result<any Sendable, any Error>) -> Void
    }

    private let writer: any DatabaseWriter
    private let pending = Mutex<(jobs: [Job], running: Bool)>(([], false))
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    /// Largest number of jobs committed together; bounds latency of the last job in a batch.
    private let maxBatch: Int
    private let commitMetrics = Mutex(IngestMetrics())

    /// Where each commit reports its size and latency; records nothing until `decay serve` sets it.
    public var metrics: IngestMetrics {
        get { self.commitMetrics.withLock { $0 } }
        set { self.commitMetrics.withLock { $0 = newValue } }
    }

    public init(writer: any DatabaseWriter, maxBatch: Int = 512) {
        self.writer = writer
        self.maxBatch = maxBatch
        (self.wake, self.wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Runs `work` in the next group transaction; returns once that transaction has committed.
    public func submit<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                work: { db in try work(db) },
                complete: { result in continuation.resume(with: result.map { $0 as! T }) }
            )
            let running = self.pending.withLock { state in
                state.jobs.append(job)
                return state.running
            }
            if running {
                self.wakeContinuation.yield()
            } else {
                Task { await self.drain() }
            }
        }
    }

    /// The commit loop; run it as a service. When it is not running, each submit commits on its own.
    public func run() async {
        self.pending.withLock { $0.running = true }
        for await _ in self.wake {
            await self.drain()
        }
    }

    /// Stops the loop after committing whatever is pending.
    public func finish() async {
        self.pending.withLock { $0.running = false }
        self.wakeContinuation.finish()
        await self.drain()
    }

    private func drain() async {
        while true {
            let batch: [Job] = self.pending.withLock { state in
                let batch = Array(state.jobs.prefix(self.maxBatch))
                state.jobs.removeFirst(batch.count)
                return batch
            }
            if batch.isEmpty { return }
            let started = ContinuousClock.now
            await self.commit(batch)
            self.metrics.committed(jobs: batch.count, in: started.duration(to: .now))
        }
    }

    /// Runs the batch in one transaction without savepoints, the common case where every job succeeds. If any job
    /// throws, that transaction is rolled back and the batch runs again with each job in its own savepoint, so one
    /// failing job neither takes the others down nor leaves partial writes. Savepoints cost a journal copy of every
    /// page a job touches, which is most of a commit's work, hence the optimistic first pass.
    private func commit(_ batch: [Job]) async {
        do {
            let results = try await self.writer.write { db in
                try batch.map { job in try job.work(db) }
            }
            for (job, result) in zip(batch, results) { job.complete(.success(result)) }
        } catch {
            await self.commitIsolated(batch)
        }
    }

    private func commitIsolated(_ batch: [Job]) async {
        do {
            let results: [Result<any Sendable, any Error>] = try await self.writer.write { db in
                var results: [Result<any Sendable, any Error>] = []
                results.reserveCapacity(batch.count)
                for job in batch {
                    var outcome: Result<any Sendable, any Error> = .failure(CancellationError())
                    do {
                        try db.inSavepoint {
                            outcome = .success(try job.work(db))
                            return .commit
                        }
                    } catch {
                        outcome = .failure(error)
                    }
                    results.append(outcome)
                }
                return results
            }
            for (job, result) in zip(batch, results) { job.complete(result) }
        } catch {
            for job in batch { job.complete(.failure(error)) }
        }
    }
}
