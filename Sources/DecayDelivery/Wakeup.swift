import Foundation

/// A level-triggered signal one task waits on with a timeout; any thread may signal it.
final class Wakeup: @unchecked Sendable {
    private let lock = NSLock()
    private var signaled = false
    private var waiter: CheckedContinuation<Void, Never>?

    func signal() {
        self.lock.lock()
        if let waiter = self.waiter {
            self.waiter = nil
            self.lock.unlock()
            waiter.resume()
        } else {
            self.signaled = true
            self.lock.unlock()
        }
    }

    /// Returns when signalled (at once if a signal came since the last wait) or after `timeout`.
    func wait(timeout: Duration) async {
        if self.consume() { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.signal()
            }
            await group.next()
            group.cancelAll()
        }
        _ = self.consume()
    }

    private func consume() -> Bool {
        self.lock.lock()
        defer { self.lock.unlock() }
        let was = self.signaled
        self.signaled = false
        return was
    }

    private func waitForSignal() async {
        await withCheckedContinuation { continuation in
            self.lock.lock()
            if self.signaled {
                self.signaled = false
                self.lock.unlock()
                continuation.resume()
            } else {
                self.waiter = continuation
                self.lock.unlock()
            }
        }
    }
}
