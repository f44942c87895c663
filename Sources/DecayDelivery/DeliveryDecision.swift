import Foundation

/// What one attempt's outcome means for the post, before the retry schedule is applied.
public enum DeliveryDecision: Sendable, Equatable {
    case delivered(status: Int)
    /// 408, 429, 5xx, timeouts and connection failures: try again, after `retryAfter` when the server said so.
    case retry(status: Int?, reason: String, retryAfter: Duration?)
    /// Other 4xx, redirects, refused destinations: sending again would not help.
    case dead(status: Int?, reason: String)
    /// 410 Gone: the webhook was deleted; stop posting to it at all.
    case gone(reason: String)

    public static func classify(_ outcome: Result<HTTPResult, HTTPTransportError>, now: Date) -> DeliveryDecision {
        switch outcome {
        case .failure(let error):
            if error.isBlocked { return .dead(status: nil, reason: error.message) }
            return .retry(status: nil, reason: error.isTimeout ? "timed out: \(error.message)" : error.message, retryAfter: nil)
        case .success(let result):
            let reason = Self.reason(result)
            switch result.status {
            case 200..<300: return .delivered(status: result.status)
            case 410: return .gone(reason: reason)
            case 408, 429, 500..<600:
                let retryAfter = result.headers["retry-after"].flatMap { RetryAfter.parse($0, now: now) }
                return .retry(status: result.status, reason: reason, retryAfter: retryAfter)
            default: return .dead(status: result.status, reason: reason)
            }
        }
    }

    /// `HTTP 404: no_service`: the status and the start of what the platform said, for the operator.
    private static func reason(_ result: HTTPResult) -> String {
        let text = String(decoding: result.body.prefix(300), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? "HTTP \(result.status)" : "HTTP \(result.status): \(text)"
    }
}

/// `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 section 10.2.3).
public enum RetryAfter {
    public static func parse(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0, seconds.isFinite {
            return .milliseconds(Int64(seconds * 1000))
        }
        guard let date = self.httpDate(trimmed) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
