import Crypto
import Foundation

/// Typeform webhook signing: `sha256=` + base64 HMAC-SHA256 of the raw body keyed with the
/// webhook secret (https://www.typeform.com/developers/webhooks/secure-your-webhooks/).
/// Typeform signs no timestamp, so there is no replay window to check.
public struct TypeformSignature: Sendable {
    /// Header carrying `sha256=<base64 signature>`.
    public static let signatureHeader = "Typeform-Signature"

    /// Raw key bytes; `SymmetricKey` is not `Sendable` in swift-crypto 3, so it is built per use.
    private let key: [UInt8]

    /// Uses the secret's UTF-8 bytes as the key, as Typeform does;
    /// throws `invalidSecret` for an empty secret, which anyone could forge with.
    public init(secret: String) throws(SignatureError) {
        guard !secret.isEmpty else {
            throw .invalidSecret
        }
        self.key = Array(secret.utf8)
    }

    /// Returns the `sha256=<base64>` value Typeform would send for this body.
    public func sign(body: [UInt8]) -> String {
        "sha256=" + Data(self.mac(body: body)).base64EncodedString()
    }

    /// Verifies a request from its raw `Typeform-Signature` value and raw body bytes.
    public func verify(signatureHeader: String?, body: [UInt8]) throws(SignatureError) {
        guard let signatureHeader, !signatureHeader.isEmpty else {
            throw .missingHeader(Self.signatureHeader)
        }
        guard signatureHeader.hasPrefix("sha256="),
            let provided = Data(base64Encoded: String(signatureHeader.dropFirst(7))),
            provided.count == SHA256.byteCount
        else {
            throw .malformedHeader(Self.signatureHeader)
        }
        guard ConstantTime.equals(Array(provided), self.mac(body: body)) else {
            throw .noMatchingSignature
        }
    }

    private func mac(body: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: self.key)))
    }
}
