import Foundation
import Testing

@testable import DecayCore

/// Typeform publishes no test vector, so these were computed independently, per
/// https://www.typeform.com/developers/webhooks/secure-your-webhooks/, with Python 3:
///
///     import hmac, hashlib, base64
///     secret = b"typeform-test-secret-not-real"
///     body = '{"event_id":"01HZ8TESTEVENT",...}'.encode()   # the exact bytes of `body` below
///     "sha256=" + base64.b64encode(hmac.new(secret, body, hashlib.sha256).digest()).decode()
///
/// The body includes non-ASCII text ("Grüße") so it checks that raw UTF-8 bytes are what is signed.
struct TypeformSignatureTests {
    static let secret = "typeform-test-secret-not-real"
    static let body = Array(
        (#"{"event_id":"01HZ8TESTEVENT","event_type":"form_response","form_response":"#
            + #"{"form_id":"lT4Z3j","answers":[{"type":"text","text":"Grüße"}]}}"#).utf8
    )
    static let signature = "sha256=Aj1FpuRwL2m0swSGHz80j66BglP2WFTFlnIIkCIkfQs="
    static let emptyBodySignature = "sha256=hwjnsWciNQjMrTD4mw2x1zjf8mmI9ar265ub8HcOGrU="

    @Test func signMatchesIndependentVector() throws {
        let typeform = try TypeformSignature(secret: Self.secret)
        #expect(Self.body.count == 140)
        #expect(typeform.sign(body: Self.body) == Self.signature)
        #expect(typeform.sign(body: []) == Self.emptyBodySignature)
    }

    @Test func independentVectorVerifies() throws {
        let typeform = try TypeformSignature(secret: Self.secret)
        try typeform.verify(signatureHeader: Self.signature, body: Self.body)
        try typeform.verify(signatureHeader: Self.emptyBodySignature, body: [])
    }

    @Test func tamperedBodyIsRejected() throws {
        let typeform = try TypeformSignature(secret: Self.secret)
        var body = Self.body
        body[10] ^= 0x01
        #expect(throws: SignatureError.noMatchingSignature) {
            try typeform.verify(signatureHeader: Self.signature, body: body)
        }
    }

    @Test func wrongSecretIsRejected() throws {
        let typeform = try TypeformSignature(secret: "typeform-test-secret-not-reaL")
        #expect(throws: SignatureError.noMatchingSignature) {
            try typeform.verify(signatureHeader: Self.signature, body: Self.body)
        }
    }

    @Test func emptySecretIsRejected() {
        #expect(throws: SignatureError.invalidSecret) {
            try TypeformSignature(secret: "")
        }
    }

    @Test func missingHeaderIsNamed() throws {
        let typeform = try TypeformSignature(secret: Self.secret)
        for empty in [nil, ""] as [String?] {
            #expect(throws: SignatureError.missingHeader("Typeform-Signature")) {
                try typeform.verify(signatureHeader: empty, body: Self.body)
            }
        }
    }

    @Test(arguments: [
        "sha1=Aj1FpuRwL2m0swSGHz80j66BglP2WFTFlnIIkCIkfQs=",
        "Aj1FpuRwL2m0swSGHz80j66BglP2WFTFlnIIkCIkfQs=",
        "sha256=not base64!",
        "sha256=Aj1FpuRwL2m0swSG",
        "sha256=",
        "sha256=023d45a6e4702f69b4b304861f3f348fae818253f6585",
    ])
    func malformedHeaderIsRejected(header: String) throws {
        let typeform = try TypeformSignature(secret: Self.secret)
        #expect(throws: SignatureError.malformedHeader("Typeform-Signature")) {
            try typeform.verify(signatureHeader: header, body: Self.body)
        }
    }

    @Test func messageExplainsExpectedFormat() {
        let message = SignatureError.malformedHeader("Typeform-Signature").message
        #expect(message.contains("Typeform-Signature"))
        #expect(message.contains("sha256="))
    }
}
