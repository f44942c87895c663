import DecayCore
import Foundation

/// A per-destination posting rate: `count` posts per `period`, at most `burst` back to back.
public struct RateLimit: Sendable, Equatable {
    public var count: Int
    public var period: Duration
    public var burst: Int

    public init(count: Int, per period: Duration, burst: Int = 1) {
        self.count = count
        self.period = period
        self.burst = max(1, burst)
    }

    /// Spacing between posts at the sustained rate.
    var interval: Double { self.period.seconds / Double(self.count) }

    /// Each platform's documented limit for one incoming webhook (sources in docs/outbound.md); `webhook` has none.
    public static func platformDefault(for format: ChatFormat) -> RateLimit? {
        switch format {
        case .slack: RateLimit(count: 1, per: .seconds(1))
        case .discord: RateLimit(count: 30, per: .seconds(60))
        case .googlechat: RateLimit(count: 60, per: .seconds(60))
        case .teams: RateLimit(count: 4, per: .seconds(1))
        case .mattermost: RateLimit(count: 10, per: .seconds(1))
        case .matrix: RateLimit(count: 1, per: .seconds(5), burst: 10)
        case .webhook: nil
        }
    }
}

/// Generic cell rate algorithm per destination: a post may go when its theoretical arrival time is within
/// the burst tolerance; otherwise the limiter says when it may. Pure: time is passed in.
public struct RateLimiter: Sendable {
    /// Theoretical arrival time of the next post, and the end of a Retry-After pause, per destination.
    private var arrival: [String: Double] = [:]
    private var pausedUntil: [String: Double] = [:]

    public init() {}

    /// Books a slot and returns nil when a post to `destination` may go at `now`, else the earliest time it may.
    /// A nil `limit` means unlimited, though a Retry-After pause still applies.
    public mutating func reserve(_ destination: String, limit: RateLimit?, now: Date) -> Date? {
        let time = now.timeIntervalSince1970
        if let pause = self.pausedUntil[destination], pause > time { return Date(timeIntervalSince1970: pause) }
        guard let limit else { return nil }
        let tolerance = Double(limit.burst - 1) * limit.interval
        let theoretical = max(self.arrival[destination] ?? time, time)
        if theoretical - time > tolerance + 1e-9 {
            return Date(timeIntervalSince1970: theoretical - tolerance)
        }
        self.arrival[destination] = theoretical + limit.interval
        return nil
    }

    /// Holds every post to `destination` until `until`, as a 429's Retry-After asks.
    public mutating func pause(_ destination: String, until: Date) {
        self.pausedUntil[destination] = max(self.pausedUntil[destination] ?? 0, until.timeIntervalSince1970)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let parts = self.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
