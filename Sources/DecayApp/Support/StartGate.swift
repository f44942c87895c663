import Synchronization

/// Opened once the service is ready (content synced, demo seeded), so a background pass does not plan on a database
/// that is still being filled at start-up.
public final class StartGate: Sendable {
    private let opened = Atomic<Bool>(false)

    public init() {}

    public var isOpen: Bool { self.opened.load(ordering: .acquiring) }

    public func open() {
        self.opened.store(true, ordering: .releasing)
    }

    /// Returns once the gate is open, or as soon as the task is cancelled.
    public func wait() async {
        while !self.isOpen, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
