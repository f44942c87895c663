import Dispatch

/// Runs CPU-heavy or blocking work (model fits with a bootstrap, a bare libcurl loop, opening the database) on a
/// GCD thread, so Swift's cooperative pool (two threads here) keeps serving requests meanwhile.
public enum OffPool {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
