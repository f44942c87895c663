import Foundation

/// Why an inbound webhook signature was rejected; shared by the Standard Webhooks,
/// Slack and Typeform verifiers so the HTTP layer can map every failure the same way.
public enum SignatureError: Error, Equatable, Sendable {
    /// The named header is absent or empty.
    case missingHeader(String)
    /// The named header is present but not in the format its scheme defines.
    case malformedHeader(String)
    /// The configured signing secret cannot be used (empty, or not decodable).
    case invalidSecret
    /// The header parsed, but none of its signatures match the body under our secret.
    case noMatchingSignature
    /// The signature is valid but its timestamp is further in the past than the tolerance.
    case timestampTooOld
    /// The signature is valid but its timestamp is further in the future than the tolerance.
    case timestampInFuture

    /// A human explanation naming the header and the expected format, for logs and 4xx bodies.
    public var message: String {
        switch self {
        case .missingHeader(let name):
            return "Missing \(name) header: expected \(Self.expectedFormat(of: name))."
        case .malformedHeader(let name):
            return "Malformed \(name) header: expected \(Self.expectedFormat(of: name))."
        case .invalidSecret:
            return "The signing secret is unusable: expected a non-empty secret "
                + "(for Standard Webhooks, whsec_ followed by standard base64)."
        case .noMatchingSignature:
            return "No signature matches the request: check the signing secret and verify "
                + "the raw request body exactly as received, not re-encoded."
        case .timestampTooOld:
            return "The signed timestamp is older than the allowed tolerance: "
                + "the request may be a replay, or the sender's clock is behind."
        case .timestampInFuture:
            return "The signed timestamp is further in the future than the allowed tolerance: "
                + "the sender's clock is ahead of ours."
        }
    }

    /// The documented format of each header we verify, used to make messages actionable.
    private static func expectedFormat(of header: String) -> String {
        switch header.lowercased() {
        case "webhook-id":
            return "a non-empty message id such as msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"
        case "webhook-timestamp", "x-slack-request-timestamp":
            return "an integer Unix timestamp in seconds, such as 1674087231"
        case "webhook-signature":
            return "space-separated signatures such as v1,<base64 HMAC-SHA256>"
        case "x-slack-signature":
            return "v0= followed by the 64 hex digits of an HMAC-SHA256"
        case "typeform-signature":
            return "sha256= followed by the base64 HMAC-SHA256 of the raw body"
        default:
            return "a value in the format its signing scheme documents"
        }
    }
}

/// Timestamp handling shared by the schemes that sign a Unix-seconds header (Standard Webhooks, Slack).
enum SignatureTimestamp {
    /// Parses integer Unix seconds: ASCII digits only, with no sign, spaces or fraction.
    static func parse(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }

    /// Rejects a signed time outside `now ± tolerance`; the window edges themselves are accepted.
    static func check(_ seconds: Int, now: Date, tolerance: TimeInterval) throws(SignatureError) {
        let signedAt = TimeInterval(seconds)
        let current = now.timeIntervalSince1970
        if signedAt < current - tolerance {
            throw .timestampTooOld
        }
        if signedAt > current + tolerance {
            throw .timestampInFuture
        }
    }
}
