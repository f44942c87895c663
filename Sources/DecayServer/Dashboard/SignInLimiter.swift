import Foundation

/// At most 5 failed sign-ins per minute per client address; more are refused (429) until the minute has passed.
/// Memory is bounded: at most `capacity` addresses are tracked, the stalest dropped first when a new one comes.
actor SignInLimiter {
    static let maxFailures = 5
    static let window: TimeInterval = 60
    private let capacity: Int
    private var failures: [String: [Date]] = [:]

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// Whether `address` may try now: fewer than 5 failures in the last minute.
    func allows(_ address: String, now: Date) -> Bool {
        self.recent(address, now: now).count < Self.maxFailures
    }

    func recordFailure(_ address: String, now: Date) {
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
