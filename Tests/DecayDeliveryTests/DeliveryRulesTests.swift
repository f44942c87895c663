import DecayCore
import DecayDelivery
import Foundation
import Testing

@Suite("destination policy")
struct DestinationPolicyTests {
    @Test(arguments: [
        "https://hooks.slack.com/services/T000/B000/XXXX",
        "https://outlook.office.com/webhook/abc",
        "https://93.184.216.34/hook",
        "https://[2606:4700:4700::1111]/hook",
    ])
    func acceptsPublicHTTPS(url: String) {
        #expect(DestinationPolicy().check(url) == .success(.init(allowPrivateAddresses: false)))
    }

    @Test(arguments: [
        ("http://hooks.slack.com/services/x", "plain http"),
        ("ftp://example.com/x", "scheme 'ftp'"),
        ("hooks.slack.com/services/x", "not an absolute URL"),
        ("https://127.0.0.1/hook", "private"),
        ("https://localhost:8443/hook", "private"),
        ("https://10.1.2.3/hook", "private"),
        ("https://172.20.0.1/hook", "private"),
        ("https://192.168.1.10/hook", "private"),
        ("https://169.254.169.254/latest/meta-data", "metadata"),
        ("https://100.64.0.1/hook", "private"),
        ("https://0.0.0.0/hook", "private"),
        ("https://[::1]/hook", "private"),
        ("https://[fe80::1]/hook", "private"),
        ("https://[fd00:ec2::254]/hook", "private"),
        ("https://[::ffff:10.0.0.1]/hook", "private"),
    ])
    func refusesUnsafeDestinations(url: String, reason: String) throws {
        try Self.expectRefused(url, reason: reason)
    }

    /// One address inside every block of the IANA IPv4 and IPv6 Special-Purpose Address Registries, and every IPv6
    /// form that carries an IPv4 address (mapped, translated, compatible, NAT64 well-known and local-use, 6to4).
    @Test(arguments: [
        "0.1.2.3", "10.255.0.1", "100.127.255.254", "127.8.8.8", "169.254.0.1", "172.31.255.255", "192.0.0.8", "192.0.0.170",
        "192.0.2.1", "192.31.196.1", "192.52.193.1", "192.88.99.1", "192.168.0.1", "192.175.48.1", "198.18.0.1", "198.19.255.255",
        "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "[::]", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:0:10.0.0.1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[64:ff9b::a9fe:a9fe]",
        "[64:ff9b:1::8.8.8.8]", "[100::1]", "[2001::1]", "[2001:2::1]", "[2001:10::1]", "[2001:db8::1]", "[2002:7f00:1::1]",
        "[2002:808:808::1]", "[2620:4f:8000::1]", "[3fff::1]", "[5f00::1]", "[fc00::1]", "[fd00:ec2::254]", "[fe80::1]", "[fec0::1]",
        "[ff02::1]",
    ])
    func refusesEverySpecialPurposeRange(host: String) throws {
        try Self.expectRefused("https://\(host)/hook", reason: "special-purpose")
    }

    @Test(arguments: ["8.8.8.8", "1.1.1.1", "192.0.1.1", "198.20.0.1", "203.0.114.1", "[2606:4700:4700::1111]", "[64:ff9b::808:808]"])
    func acceptsPublicAddressesNextToThoseRanges(host: String) {
        #expect(DestinationPolicy().check("https://\(host)/hook") == .success(.init(allowPrivateAddresses: false)), "\(host)")
    }

    static func expectRefused(_ url: String, reason: String) throws {
        guard case .failure(let error) = DestinationPolicy().check(url) else {
            Issue.record("\(url) was accepted")
            return
        }
        #expect(error.reason.contains(reason), "\(url): \(error.reason)")
        #expect(error.url == url)
    }

    @Test func allowedHostsPermitHTTPAndPrivateAddressesForThatHostOnly() throws {
        let policy = try DestinationPolicy.parse(allowHosts: " 127.0.0.1, localhost:8080 ,[::1]:9000")
        #expect(policy.check("http://127.0.0.1:5000/hook") == .success(.init(allowPrivateAddresses: true)))
        #expect(policy.check("http://localhost:8080/hook") == .success(.init(allowPrivateAddresses: true)))
        #expect(policy.check("http://[::1]:9000/hook") == .success(.init(allowPrivateAddresses: true)))
        #expect((try? policy.check("http://localhost:8081/hook").get()) == nil)
        #expect((try? policy.check("http://10.0.0.1/hook").get()) == nil)
        #expect((try? policy.check("http://[::1]:9001/hook").get()) == nil)
    }

    @Test func rejectsMalformedAllowList() {
        #expect(throws: DestinationPolicyError.self) { try DestinationPolicy.parse(allowHosts: "127.0.0.1,http://x/y") }
        #expect(throws: DestinationPolicyError.self) { try DestinationPolicy.parse(allowHosts: "host:notaport") }
    }
}

@Suite("retry rules")
struct RetryRulesTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func result(_ status: Int, headers: [String: String] = [:], body: String = "") -> Result<HTTPResult, HTTPTransportError> {
        .success(HTTPResult(status: status, headers: headers, body: Array(body.utf8)))
    }

    @Test func standardScheduleThenDead() {
        let policy = RetryPolicy.standard
        let delays = (1...7).map { policy.delay(afterFailedAttempt: $0, retryAfter: nil) }
        #expect(delays == [.seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(36000), nil])
        #expect(policy.maxAttempts == 7)
        #expect(policy.delay(afterFailedAttempt: 1, retryAfter: .seconds(120)) == .seconds(120))
        #expect(policy.delay(afterFailedAttempt: 1, retryAfter: .seconds(1_000_000)) == .seconds(36000))
        #expect(policy.delay(afterFailedAttempt: 7, retryAfter: .seconds(1)) == nil)
    }

    /// A server that always answers `Retry-After: 7` used to get all seven attempts within 44 s; the schedule's
    /// step is the floor, so the post still rides out the same 17.5 hours.
    @Test func shortRetryAfterNeverShortensTheStep() {
        let policy = RetryPolicy.standard
        let delays = (1...6).compactMap { policy.delay(afterFailedAttempt: $0, retryAfter: .seconds(7)) }
        #expect(delays == [.seconds(7), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(36000)])
        #expect(policy.delay(afterFailedAttempt: 2, retryAfter: .zero) == .seconds(300))
        #expect(policy.delay(afterFailedAttempt: 2, retryAfter: .seconds(900)) == .seconds(900), "a longer Retry-After still wins")
        let total = delays.reduce(Duration.zero, +)
        #expect(total >= .seconds(63_000), "seven attempts still span about 17.5 hours, not 44 s")
    }

    @Test func classifiesStatuses() {
        #expect(DeliveryDecision.classify(self.result(200), now: self.now) == .delivered(status: 200))
        #expect(DeliveryDecision.classify(self.result(204), now: self.now) == .delivered(status: 204))
        #expect(DeliveryDecision.classify(self.result(410, body: "gone"), now: self.now) == .gone(reason: "HTTP 410: gone"))
        #expect(DeliveryDecision.classify(self.result(404, body: "no_service"), now: self.now) == .dead(status: 404, reason: "HTTP 404: no_service"))
        #expect(DeliveryDecision.classify(self.result(302), now: self.now) == .dead(status: 302, reason: "HTTP 302"))
        for status in [408, 429, 500, 502, 503, 504] {
            guard case .retry(let got, _, nil) = DeliveryDecision.classify(self.result(status), now: self.now) else {
                Issue.record("\(status) is not retried")
                continue
            }
            #expect(got == status)
        }
        let limited = DeliveryDecision.classify(self.result(429, headers: ["retry-after": "30"], body: "rate_limited"), now: self.now)
        #expect(limited == .retry(status: 429, reason: "HTTP 429: rate_limited", retryAfter: .seconds(30)))
    }

    @Test func transportFailuresRetryButBlockedAddressesAreDead() {
        let refused = HTTPTransportError(code: 7, message: "Couldn't connect to server")
        #expect(DeliveryDecision.classify(.failure(refused), now: self.now) == .retry(status: nil, reason: "Couldn't connect to server", retryAfter: nil))
        let timeout = HTTPTransportError(code: 28, message: "Timeout", isTimeout: true)
        #expect(DeliveryDecision.classify(.failure(timeout), now: self.now) == .retry(status: nil, reason: "timed out: Timeout", retryAfter: nil))
        let blocked = HTTPTransportError(code: 7, message: "refused", isBlocked: true)
        #expect(DeliveryDecision.classify(.failure(blocked), now: self.now) == .dead(status: nil, reason: "refused"))
    }

    @Test func parsesRetryAfterSecondsAndDates() {
        #expect(RetryAfter.parse("120", now: self.now) == .seconds(120))
        #expect(RetryAfter.parse("1.5", now: self.now) == .milliseconds(1500))
        let date = Date(timeIntervalSince1970: 1_795_000_090)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(RetryAfter.parse(formatter.string(from: date), now: self.now) == .seconds(90))
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: self.now) == .zero)
        #expect(RetryAfter.parse("soon", now: self.now) == nil)
        #expect(RetryAfter.parse("-5", now: self.now) == nil)
    }
}

@Suite("rate limiter")
struct RateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func spacesPostsAtTheSustainedRate() {
        var limiter = RateLimiter()
        let limit = RateLimit(count: 1, per: .seconds(1))
        #expect(limiter.reserve("a", limit: limit, now: self.start) == nil)
        #expect(limiter.reserve("a", limit: limit, now: self.start.addingTimeInterval(0.5)) == self.start.addingTimeInterval(1))
        #expect(limiter.reserve("a", limit: limit, now: self.start.addingTimeInterval(1)) == nil)
        #expect(limiter.reserve("b", limit: limit, now: self.start.addingTimeInterval(0.5)) == nil, "destinations are independent")
        #expect(limiter.reserve("c", limit: nil, now: self.start) == nil)
    }

    @Test func allowsTheBurstThenTheRate() {
        var limiter = RateLimiter()
        let limit = RateLimit(count: 1, per: .seconds(5), burst: 10)
        for _ in 0..<10 { #expect(limiter.reserve("m", limit: limit, now: self.start) == nil) }
        #expect(limiter.reserve("m", limit: limit, now: self.start) == self.start.addingTimeInterval(5))
    }

    @Test func countsExactlyOverAMinute() {
        var limiter = RateLimiter()
        let limit = RateLimit(count: 60, per: .seconds(60))
        var sent = 0
        for step in 0..<6000 where limiter.reserve("g", limit: limit, now: self.start.addingTimeInterval(Double(step) / 100)) == nil {
            sent += 1
        }
        #expect(sent == 60)
    }

    @Test func retryAfterPausesEvenUnlimitedDestinations() {
        var limiter = RateLimiter()
        limiter.pause("w", until: self.start.addingTimeInterval(30))
        #expect(limiter.reserve("w", limit: nil, now: self.start) == self.start.addingTimeInterval(30))
        #expect(limiter.reserve("w", limit: nil, now: self.start.addingTimeInterval(30)) == nil)
    }

    @Test func platformDefaults() {
        #expect(RateLimit.platformDefault(for: .slack) == RateLimit(count: 1, per: .seconds(1)))
        #expect(RateLimit.platformDefault(for: .googlechat) == RateLimit(count: 60, per: .seconds(60)))
        #expect(RateLimit.platformDefault(for: .webhook) == nil)
    }
}
