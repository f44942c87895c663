import Foundation

/// How long to wait after each failed attempt before the next: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then dead
/// (seven attempts in all, spread over about 17.5 hours so a platform outage of a working day is ridden out).
public struct RetryPolicy: Sendable, Equatable {
    public var delays: [Duration]
    /// Retry-After values above this are capped, so a confused server cannot park a post for days.
    public var maxRetryAfter: Duration

    public static let standard = RetryPolicy(
        delays: [.seconds(5), .seconds(300), .seconds(1_800), .seconds(7_200), .seconds(18_000), .seconds(36_000)],
        maxRetryAfter: .seconds(36_000)
    )

    public init(delays: [Duration], maxRetryAfter: Duration) {
        self.delays = delays
        self.maxRetryAfter = maxRetryAfter
    }

    /// The delay after the `attempt`-th failure (1-based), or nil when the post has used all its attempts.
    /// A `Retry-After` (capped at `maxRetryAfter`) can lengthen the step but never shorten it: a server answering
    /// `Retry-After: 7` every time would otherwise use up all seven attempts in under a minute.
    public func delay(afterFailedAttempt attempt: Int, retryAfter: Duration?) -> Duration? {
        guard attempt >= 1, attempt <= self.delays.count else { return nil }
        let step = self.delays[attempt - 1]
        guard let retryAfter else { return step }
        return max(step, min(retryAfter, self.maxRetryAfter))
    }

    public var maxAttempts: Int { self.delays.count + 1 }
}
