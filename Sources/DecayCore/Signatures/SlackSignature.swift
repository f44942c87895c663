import Crypto
import Foundation

/// Slack's `v0` request signing: hex HMAC-SHA256 of `v0:<timestamp>:<body>` keyed with the
/// app's signing secret (https://api.slack.com/authentication/verifying-requests-from-slack).
public struct SlackSignature: Sendable {
    /// Header carrying the request time as integer Unix seconds.
    public static let timestampHeader = "X-Slack-Request-Timestamp"
    /// Header carrying `v0=<hex signature>`.
    public static let signatureHeader = "X-Slack-Signature"

    /// Raw key bytes; `SymmetricKey` is not `Sendable` in swift-crypto 3, so it is built per use.
    private let key: [UInt8]

    /// Uses the signing secret's UTF-8 bytes as the key, as Slack does (it is not hex-decoded);
    /// throws `invalidSecret` for an empty secret, which anyone could forge with.
    public init(signingSecret: String) throws(SignatureError) {
        guard !signingSecret.isEmpty else {
            throw .invalidSecret
        }
        self.key = Array(signingSecret.utf8)
    }

    /// Returns the `v0=<hex>` value Slack would send for this timestamp and body.
    public func sign(timestamp: Int, body: [UInt8]) -> String {
        "v0=" + Self.hex(self.mac(timestamp: String(timestamp), body: body))
    }

    /// Verifies a request from its raw header values and raw body bytes.
    /// The HMAC is checked before the 5-minute replay window, so only Slack learns about clock skew.
    public func verify(
        timestampHeader: String?,
        signatureHeader: String?,
        body: [UInt8],
        now: Date,
        tolerance: TimeInterval = 300
    ) throws(SignatureError) {
        guard let timestampHeader, !timestampHeader.isEmpty else {
            throw .missingHeader(Self.timestampHeader)
        }
        guard let signatureHeader, !signatureHeader.isEmpty else {
            throw .missingHeader(Self.signatureHeader)
        }
        guard let seconds = SignatureTimestamp.parse(timestampHeader) else {
            throw .malformedHeader(Self.timestampHeader)
        }
        guard signatureHeader.hasPrefix("v0="),
            let provided = Self.unhex(signatureHeader.dropFirst(3)),
            provided.count == SHA256.byteCount
        else {
            throw .malformedHeader(Self.signatureHeader)
        }
        let expected = self.mac(timestamp: timestampHeader, body: body)
        guard ConstantTime.equals(provided, expected) else {
            throw .noMatchingSignature
        }
        try SignatureTimestamp.check(seconds, now: now, tolerance: tolerance)
    }

    /// HMAC-SHA256 over `v0:<timestamp>:<body>`, fed incrementally so the body is never copied.
    private func mac(timestamp: String, body: [UInt8]) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: self.key))
        hmac.update(data: Array("v0:\(timestamp):".utf8))
        hmac.update(data: body)
        return Array(hmac.finalize())
    }

    /// Lowercase hex, the form Slack sends.
    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes hex of either case; nil on odd length or a non-hex character.
    private static func unhex(_ text: Substring) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let high = Self.nibble(chars[index]), let low = Self.nibble(chars[index + 1]) else {
                return nil
            }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"):
            return char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"):
            return char - UInt8(ascii: "A") + 10
        default:
            return nil
        }
    }
}
