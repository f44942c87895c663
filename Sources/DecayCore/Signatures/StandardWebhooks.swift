import Crypto
import Foundation

/// Symmetric (HMAC-SHA256, `v1`) signing and verification per the Standard Webhooks spec:
/// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
public struct StandardWebhooks: Sendable {
    /// Header carrying the unique message id, which is also the consumer's idempotency key.
    public static let idHeader = "webhook-id"
    /// Header carrying the attempt time as integer Unix seconds.
    public static let timestampHeader = "webhook-timestamp"
    /// Header carrying space-separated `version,signature` entries.
    public static let signatureHeader = "webhook-signature"
    /// Prefix the spec uses to mark a serialized symmetric secret.
    public static let secretPrefix = "whsec_"

    /// Raw key bytes; `SymmetricKey` is not `Sendable` in swift-crypto 3, so it is built per use.
    private let key: [UInt8]

    /// Parses `whsec_<base64>` or bare base64 (unpadded accepted, like the reference libraries);
    /// throws `invalidSecret` when it does not decode to at least one byte.
    public init(secret: String) throws(SignatureError) {
        var encoded = Substring(secret.trimmingCharacters(in: .whitespacesAndNewlines))
        if encoded.hasPrefix(Self.secretPrefix) {
            encoded = encoded.dropFirst(Self.secretPrefix.count)
        }
        guard let bytes = Self.decodeBase64(encoded), !bytes.isEmpty else {
            throw .invalidSecret
        }
        self.key = bytes
    }

    /// Creates a fresh 32-byte secret serialized as `whsec_<base64>`, for new outbound endpoints.
    public static func generateSecret() -> String {
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Array($0) }
        return Self.secretPrefix + Data(bytes).base64EncodedString()
    }

    /// Returns the `v1,<base64>` signature of `id.timestamp.body`.
    public func sign(id: String, timestamp: Int, body: [UInt8]) -> String {
        let mac = self.mac(id: id, timestamp: String(timestamp), body: body)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The three headers an outbound signed webhook carries, in spec order.
    public func headers(id: String, timestamp: Int, body: [UInt8]) -> [(String, String)] {
        [
            (Self.idHeader, id),
            (Self.timestampHeader, String(timestamp)),
            (Self.signatureHeader, self.sign(id: id, timestamp: timestamp, body: body)),
        ]
    }

    /// Verifies an inbound webhook from its raw header values and raw body bytes.
    /// The HMAC is checked before the timestamp window, so only authentic senders learn about clock skew.
    public func verify(
        id: String?,
        timestamp: String?,
        signatureHeader: String?,
        body: [UInt8],
        now: Date,
        tolerance: TimeInterval = 300
    ) throws(SignatureError) {
        guard let id, !id.isEmpty else {
            throw .missingHeader(Self.idHeader)
        }
        guard let timestamp, !timestamp.isEmpty else {
            throw .missingHeader(Self.timestampHeader)
        }
        guard let signatureHeader, !signatureHeader.isEmpty else {
            throw .missingHeader(Self.signatureHeader)
        }
        guard let seconds = SignatureTimestamp.parse(timestamp) else {
            throw .malformedHeader(Self.timestampHeader)
        }
        let candidates = try Self.v1Signatures(in: signatureHeader)

        let expected = self.mac(id: id, timestamp: timestamp, body: body)
        guard candidates.contains(where: { ConstantTime.equals($0, expected) }) else {
            throw .noMatchingSignature
        }
        try SignatureTimestamp.check(seconds, now: now, tolerance: tolerance)
    }

    /// HMAC-SHA256 over `id.timestamp.body`, fed incrementally so the body is never copied.
    private func mac(id: String, timestamp: String, body: [UInt8]) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: self.key))
        hmac.update(data: Array(id.utf8))
        hmac.update(data: [UInt8(ascii: ".")])
        hmac.update(data: Array(timestamp.utf8))
        hmac.update(data: [UInt8(ascii: ".")])
        hmac.update(data: body)
        return Array(hmac.finalize())
    }

    /// Decoded `v1` signatures from the header; other versions (such as asymmetric `v1a`) are skipped.
    /// Throws `malformedHeader` only when no entry has the `version,signature` shape at all.
    private static func v1Signatures(in header: String) throws(SignatureError) -> [[UInt8]] {
        var sawEntry = false
        var signatures: [[UInt8]] = []
        for entry in header.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ","), comma != entry.startIndex else {
                continue
            }
            sawEntry = true
            guard entry[..<comma] == "v1" else {
                continue
            }
            if let bytes = Data(base64Encoded: String(entry[entry.index(after: comma)...])) {
                signatures.append(Array(bytes))
            }
        }
        guard sawEntry else {
            throw .malformedHeader(Self.signatureHeader)
        }
        return signatures
    }

    /// Standard base64 with optional trailing padding, as the reference libraries accept. Characters
    /// are checked first because Foundation tolerates stray `=` and a mistyped secret must not become another key.
    private static func decodeBase64(_ text: Substring) -> [UInt8]? {
        let unpadded = text.prefix { $0 != "=" }
        let isBase64 = unpadded.utf8.allSatisfy { char in
            switch char {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
        let padding = text.count - unpadded.count
        guard isBase64, padding <= 2, text.dropFirst(unpadded.count).allSatisfy({ $0 == "=" }) else {
            return nil
        }
        let padded = String(unpadded) + String(repeating: "=", count: (4 - unpadded.count % 4) % 4)
        return Data(base64Encoded: padded).map { Array($0) }
    }
}
