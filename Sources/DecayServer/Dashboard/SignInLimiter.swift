import Foundation

/// At most 5 failed sign-ins per minute per client address; more are refused (429) until the minute has passed.
/// An attempt counts from the moment it is let in (``reserve(_:now:)``) and is forgiven once it succeeds, so parallel
/// guesses cannot all pass the check before the first failure is recorded.
/// Memory is bounded: at most `capacity` addresses are tracked, the stalest dropped first when a new one comes.
actor SignInLimiter {
    static let maxFailures = 5
    static let window: TimeInterval = 60
    private let capacity: Int
    private var failures: [String: [Date]] = [:]

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// Lets an attempt in when `address` has fewer than 5 attempts counted in the last minute, and counts it.
    func reserve(_ address: String, now: Date) -> Bool {
        guard self.recent(address, now: now).count < Self.maxFailures else { return false }
        self.count(address, now: now)
        return true
    }

    /// An attempt let in at `now` that did not guess a token (it signed in, or its form had expired).
    func forgive(_ address: String, now: Date) {
        guard var times = self.failures[address], let index = times.lastIndex(of: now) else { return }
        times.remove(at: index)
        self.failures[address] = times.isEmpty ? nil : times
    }

    private func count(_ address: String, now: Date) {
        var times = self.recent(address, now: now)
        times.append(now)
        if self.failures[address] == nil, self.failures.count >= self.capacity {
            self.failures = self.failures.filter { $0.value.contains { now.timeIntervalSince($0) < Self.window } }
            if self.failures.count >= self.capacity, let stalest = self.failures.min(by: { ($0.value.last ?? now) < ($1.value.last ?? now) }) {
                self.failures[stalest.key] = nil
            }
        }
        self.failures[address] = Array(times.suffix(Self.maxFailures))
    }

    /// How many addresses are tracked, for the bound's test.
    var trackedAddresses: Int { self.failures.count }

    private func recent(_ address: String, now: Date) -> [Date] {
        (self.failures[address] ?? []).filter { now.timeIntervalSince($0) < Self.window }
    }
}
