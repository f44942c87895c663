import Crypto
import Foundation

/// What a quick-survey link grants: one person may answer one survey until `expires`.
/// `expires` travels with whole-second precision, rounded down, so a link never outlives its request.
public struct SurveyToken: Sendable, Equatable {
    public let person: String
    public let survey: String
    public let expires: Date

    public init(person: String, survey: String, expires: Date) {
        self.person = person
        self.survey = survey
        self.expires = expires
    }
}

/// Why a survey link token was refused; each case maps to a different user-facing answer.
public enum SurveyTokenError: Error, Equatable, Sendable {
    /// The signer's secret is shorter than `SurveyTokenSigner.minimumSecretLength` bytes.
    case invalidSecret
    /// The token is not `<base64url payload>.<base64url tag>` or its payload does not decode.
    case malformed
    /// The token is well formed but was not issued under our secret, or was altered.
    case badSignature
    /// The token is authentic but its expiry time has passed.
    case expired

    /// A human explanation, suitable for logs and for choosing the reply to the person.
    public var message: String {
        switch self {
        case .invalidSecret:
            return "The survey token secret must be at least \(SurveyTokenSigner.minimumSecretLength) random bytes."
        case .malformed:
            return "The survey link is malformed: expected <base64url payload>.<base64url signature>."
        case .badSignature:
            return "The survey link's signature does not match: it was altered or issued under another secret."
        case .expired:
            return "The survey link has expired."
        }
    }
}

/// Issues and checks self-contained survey link tokens, `base64url(payload).base64url(tag)`,
/// where the tag is HMAC-SHA256 truncated to 16 bytes; verifying needs only the secret, no database.
///
/// Payload layout (version 1): `0x01`, varint expiry in Unix seconds, varint UTF-8 length of
/// `person`, the `person` bytes, then the `survey` bytes. Length-prefixing lets ids hold any
/// characters, including `.`, and base64url keeps the token URL-safe.
public struct SurveyTokenSigner: Sendable {
    /// Shortest accepted secret: HMAC-SHA256 keys below the hash length weaken the tag.
    public static let minimumSecretLength = 32
    /// Bytes of the HMAC kept in the token; 128 bits resists forgery for a link's lifetime.
    static let tagLength = 16
    private static let formatVersion: UInt8 = 1
    /// Prefixed to every MAC input so a tag can never be replayed as another use of the same key.
    private static let domain = Array("MessageDecay survey token v1\u{0}".utf8)

    /// Raw key bytes; `SymmetricKey` is not `Sendable` in swift-crypto 3, so it is built per use.
    private let key: [UInt8]

    /// Throws `invalidSecret` when the secret is shorter than `minimumSecretLength` bytes.
    public init(secret: [UInt8]) throws(SurveyTokenError) {
        guard secret.count >= Self.minimumSecretLength else {
            throw .invalidSecret
        }
        self.key = secret
    }

    /// Creates a fresh 32-byte random secret for configuration.
    public static func generateSecret() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// Returns the URL-safe token for `token`; the same input always yields the same string.
    public func token(for token: SurveyToken) -> String {
        let payload = Self.encodePayload(token)
        return Self.base64URLEncode(payload) + "." + Self.base64URLEncode(self.tag(for: payload))
    }

    /// Checks the tag in constant time, then decodes the payload and checks that `now` is before expiry.
    public func verify(_ token: String, now: Date) throws(SurveyTokenError) -> SurveyToken {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let payload = Self.base64URLDecode(parts[0]),
            let tag = Self.base64URLDecode(parts[1]),
            !payload.isEmpty,
            tag.count == Self.tagLength
        else {
            throw .malformed
        }
        guard ConstantTime.equals(tag, self.tag(for: payload)) else {
            throw .badSignature
        }
        guard let decoded = Self.decodePayload(payload) else {
            throw .malformed
        }
        guard now.timeIntervalSince1970 < Double(decoded.expirySeconds) else {
            throw .expired
        }
        return decoded.token
    }

    /// The truncated, domain-separated HMAC of a payload; internal so tests can sign crafted payloads.
    func tag(for payload: [UInt8]) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: self.key))
        hmac.update(data: Self.domain)
        hmac.update(data: payload)
        return Array(hmac.finalize().prefix(Self.tagLength))
    }

    // MARK: Payload

    /// The version-1 payload bytes for a token; internal so tests can check the layout.
    static func encodePayload(_ token: SurveyToken) -> [UInt8] {
        let person = Array(token.person.utf8)
        var out: [UInt8] = [Self.formatVersion]
        Self.appendVarint(Self.expirySeconds(token.expires), to: &out)
        Self.appendVarint(UInt64(person.count), to: &out)
        out.append(contentsOf: person)
        out.append(contentsOf: token.survey.utf8)
        return out
    }

    /// Returns the token and its expiry in whole seconds; nil for an unknown version or bad structure.
    private static func decodePayload(_ bytes: [UInt8]) -> (token: SurveyToken, expirySeconds: UInt64)? {
        guard bytes.first == Self.formatVersion else {
            return nil
        }
        var index = 1
        guard let expiry = Self.readVarint(bytes, at: &index),
            let personLength = Self.readVarint(bytes, at: &index),
            personLength <= UInt64(bytes.count - index)
        else {
            return nil
        }
        let personEnd = index + Int(personLength)
        guard let person = Self.utf8String(bytes[index..<personEnd]),
            let survey = Self.utf8String(bytes[personEnd...])
        else {
            return nil
        }
        let token = SurveyToken(
            person: person,
            survey: survey,
            expires: Date(timeIntervalSince1970: Double(expiry))
        )
        return (token, expiry)
    }

    /// Strict UTF-8 decoding: nil when repair would be needed, so no id is silently rewritten.
    private static func utf8String(_ bytes: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// Whole Unix seconds, rounded down; dates before 1970 (or not finite) clamp to 0, i.e. already expired.
    private static func expirySeconds(_ date: Date) -> UInt64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, seconds > 0 else {
            return 0
        }
        return seconds >= 9.0e18 ? 9_000_000_000_000_000_000 : UInt64(seconds)
    }

    /// Unsigned LEB128: seven bits per byte, high bit set on all but the last.
    private static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    /// Reads unsigned LEB128, rejecting truncation, overflow past 64 bits and over-long encodings.
    private static func readVarint(_ bytes: [UInt8], at index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            let bits = UInt64(byte & 0x7f)
            guard shift < 63 || bits <= 1 else {
                return nil
            }
            value |= bits << shift
            if byte & 0x80 == 0 {
                guard byte != 0 || shift == 0 else {
                    return nil
                }
                return value
            }
            shift += 7
        }
        return nil
    }

    // MARK: Base64url (RFC 4648 §5, unpadded, canonical only)

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static func base64URLEncode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for (offset, byte) in chunk.enumerated() {
                group |= UInt32(byte) << (16 - 8 * offset)
            }
            for position in 0...chunk.count {
                out.append(Self.alphabet[Int((group >> (18 - 6 * position)) & 0x3f)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes unpadded base64url; nil on any other character, an impossible length, or non-zero
    /// leftover bits, so every byte string has exactly one accepted token spelling.
    private static func base64URLDecode(_ text: Substring) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 4 != 1 else {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for char in chars {
            guard let value = Self.sextet(char) else {
                return nil
            }
            buffer = (buffer << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        guard buffer == 0 else {
            return nil
        }
        return out
    }

    private static func sextet(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return char - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            return char - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return char - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"):
            return 62
        case UInt8(ascii: "_"):
            return 63
        default:
            return nil
        }
    }
}
