import Foundation

/// Runs CPU-bound work on a global queue, off the cooperative pool, and returns its result; a cancelled caller stops
/// waiting at once (the work runs to its end on its queue and its result is dropped), so a graceful shutdown is never
/// held up by a long planning pass.
enum OffPoolTask {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        let waiter = Waiter<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiter.attach(continuation)
                DispatchQueue.global().async { waiter.finish(.success(work())) }
            }
        } onCancel: {
            waiter.finish(.failure(CancellationError()))
        }
    }

    /// Resumes the continuation once, with whichever comes first: the result or the cancellation.
    private final class Waiter<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?
        private var outcome: Result<T, any Error>?
        private var resumed = false

        func attach(_ continuation: CheckedContinuation<T, any Error>) {
            let ready: Result<T, any Error>? = self.lock.withLock {
                guard !self.resumed else { return nil }
                if let outcome = self.outcome {
                    self.resumed = true
                    return outcome
                }
                self.continuation = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }

        func finish(_ outcome: Result<T, any Error>) {
            let waiting: CheckedContinuation<T, any Error>? = self.lock.withLock {
                guard !self.resumed, self.outcome == nil else { return nil }
                guard let continuation = self.continuation else {
                    self.outcome = outcome
                    return nil
                }
                self.resumed = true
                self.continuation = nil
                return continuation
            }
            waiting?.resume(with: outcome)
        }
    }
}
