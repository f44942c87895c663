import Foundation
import Testing

@testable import DecayCore

/// Published vectors from the Standard Webhooks reference libraries:
/// github.com/standard-webhooks/standard-webhooks, libraries/python/tests/test_webhooks.py
/// (`test_sign_function`, `test_invalid_signature_raises_error`, `test_multi_sig_payload_is_valid`)
/// and libraries/javascript/src/webhook.test.ts ("sign function works"). The `v1a` entry is the
/// example header in spec/standard-webhooks.md ("Webhook headers").
struct StandardWebhooksTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let bareSecret = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let msgID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp = 1_614_265_330
    static let body = Array(#"{"test": 2432232314}"#.utf8)
    static let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    /// Same as `signature` with its last data character changed, from the Python tests.
    static let invalidSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="
    /// A syntactically valid signature that matches nothing, from the multi-signature test.
    static let otherSignature = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
    static let asymmetricSignature =
        "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="
    static let signedAt = Date(timeIntervalSince1970: TimeInterval(timestamp))

    func webhook(_ secret: String = Self.secret) throws -> StandardWebhooks {
        try StandardWebhooks(secret: secret)
    }

    func verify(
        _ webhook: StandardWebhooks,
        id: String? = Self.msgID,
        timestamp: String? = String(Self.timestamp),
        signature: String? = Self.signature,
        body: [UInt8] = Self.body,
        now: Date = Self.signedAt,
        tolerance: TimeInterval = 300
    ) throws(SignatureError) {
        try webhook.verify(
            id: id,
            timestamp: timestamp,
            signatureHeader: signature,
            body: body,
            now: now,
            tolerance: tolerance
        )
    }

    @Test func signReproducesPublishedVector() throws {
        #expect(try self.webhook().sign(id: Self.msgID, timestamp: Self.timestamp, body: Self.body) == Self.signature)
    }

    @Test func secretWithAndWithoutPrefixAreTheSameKey() throws {
        let bare = try self.webhook(Self.bareSecret)
        #expect(bare.sign(id: Self.msgID, timestamp: Self.timestamp, body: Self.body) == Self.signature)
        try self.verify(bare)
    }

    @Test func unpaddedBase64SecretIsAccepted() throws {
        let padded = try self.webhook("whsec_YWJjZA==")
        let unpadded = try self.webhook("whsec_YWJjZA")
        #expect(
            padded.sign(id: "a", timestamp: 1, body: []) == unpadded.sign(id: "a", timestamp: 1, body: [])
        )
    }

    @Test(arguments: [
        "", "whsec_", "   ", "whsec_!!!not-base64!!!", "whsec_YWJjZA=x=", "whsec_YWJjZ", "whsec_YWJjZA===",
        "whsec_YWJj ZA==",
    ])
    func unusableSecretsAreRejected(secret: String) {
        #expect(throws: SignatureError.invalidSecret) {
            try StandardWebhooks(secret: secret)
        }
    }

    @Test func publishedVectorVerifies() throws {
        try self.verify(self.webhook())
    }

    @Test func publishedInvalidSignatureIsRejected() throws {
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(self.webhook(), signature: Self.invalidSignature)
        }
    }

    @Test func tamperedBodyIsRejected() throws {
        var body = Self.body
        body[body.count - 2] = UInt8(ascii: "5")
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(self.webhook(), body: body)
        }
    }

    @Test func tamperedIdOrTimestampIsRejected() throws {
        let webhook = try self.webhook()
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(webhook, id: "msg_other")
        }
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(webhook, timestamp: String(Self.timestamp + 1))
        }
    }

    @Test func wrongSecretIsRejected() throws {
        let other = try self.webhook("whsec_" + Data(repeating: 7, count: 24).base64EncodedString())
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(other)
        }
    }

    @Test func missingHeadersAreNamed() throws {
        let webhook = try self.webhook()
        for empty in [nil, ""] as [String?] {
            #expect(throws: SignatureError.missingHeader("webhook-id")) {
                try self.verify(webhook, id: empty)
            }
            #expect(throws: SignatureError.missingHeader("webhook-timestamp")) {
                try self.verify(webhook, timestamp: empty)
            }
            #expect(throws: SignatureError.missingHeader("webhook-signature")) {
                try self.verify(webhook, signature: empty)
            }
        }
    }

    @Test(arguments: ["hello", "-1614265330", "+1614265330", "1614265330.0", " 1614265330", "99999999999999999999"])
    func malformedTimestampIsRejected(timestamp: String) throws {
        #expect(throws: SignatureError.malformedHeader("webhook-timestamp")) {
            try self.verify(self.webhook(), timestamp: timestamp)
        }
    }

    @Test(arguments: ["garbage", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", ",abc", "   "])
    func signatureHeaderWithoutEntriesIsMalformed(header: String) throws {
        #expect(throws: SignatureError.malformedHeader("webhook-signature")) {
            try self.verify(self.webhook(), signature: header)
        }
    }

    @Test(arguments: ["v1,", "v1,g0hM9", "v1,dawfeoifkpqwoekfpqoekf", "v1,@@@@"])
    func partialOrGarbledSignatureDoesNotMatch(header: String) throws {
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(self.webhook(), signature: header)
        }
    }

    @Test func oneValidSignatureAmongSeveralVerifies() throws {
        let header = [
            Self.otherSignature,
            "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
            Self.signature,
            Self.otherSignature,
        ].joined(separator: " ")
        try self.verify(self.webhook(), signature: header)
    }

    @Test func severalSignaturesNoneValidIsRejected() throws {
        let header = [Self.otherSignature, Self.invalidSignature].joined(separator: " ")
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(self.webhook(), signature: header)
        }
    }

    @Test func asymmetricEntriesAreIgnored() throws {
        let webhook = try self.webhook()
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(webhook, signature: Self.asymmetricSignature)
        }
        try self.verify(webhook, signature: Self.asymmetricSignature + " " + Self.signature)
        let validBytesWrongVersion = "v1a," + Self.signature.dropFirst(3)
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(webhook, signature: String(validBytesWrongVersion))
        }
    }

    @Test func staleTimestampIsRejected() throws {
        #expect(throws: SignatureError.timestampTooOld) {
            try self.verify(self.webhook(), now: Self.signedAt.addingTimeInterval(301))
        }
    }

    @Test func futureTimestampIsRejected() throws {
        #expect(throws: SignatureError.timestampInFuture) {
            try self.verify(self.webhook(), now: Self.signedAt.addingTimeInterval(-301))
        }
    }

    @Test func toleranceEdgesAreAcceptedAndConfigurable() throws {
        let webhook = try self.webhook()
        try self.verify(webhook, now: Self.signedAt.addingTimeInterval(300))
        try self.verify(webhook, now: Self.signedAt.addingTimeInterval(-300))
        try self.verify(webhook, now: Self.signedAt.addingTimeInterval(3_000), tolerance: 3_600)
        #expect(throws: SignatureError.timestampTooOld) {
            try self.verify(webhook, now: Self.signedAt.addingTimeInterval(31), tolerance: 30)
        }
    }

    @Test func signatureIsCheckedBeforeTimestamp() throws {
        let webhook = try self.webhook()
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(webhook, signature: Self.invalidSignature, now: Self.signedAt.addingTimeInterval(10_000))
        }
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(webhook, signature: Self.invalidSignature, now: Self.signedAt.addingTimeInterval(-10_000))
        }
    }

    @Test func outgoingHeadersRoundTrip() throws {
        let webhook = try self.webhook()
        let headers = webhook.headers(id: Self.msgID, timestamp: Self.timestamp, body: Self.body)
        #expect(headers.map(\.0) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(headers.map(\.1) == [Self.msgID, "1614265330", Self.signature])
        try self.verify(webhook, id: headers[0].1, timestamp: headers[1].1, signature: headers[2].1)
    }

    @Test func generatedSecretIsUsableAndRandom() throws {
        let first = StandardWebhooks.generateSecret()
        let second = StandardWebhooks.generateSecret()
        #expect(first.hasPrefix("whsec_"))
        #expect(Data(base64Encoded: String(first.dropFirst(6)))?.count == 32)
        #expect(first != second)
        let webhook = try self.webhook(first)
        let body = Array("hello".utf8)
        let signature = webhook.sign(id: "msg_1", timestamp: Self.timestamp, body: body)
        try self.verify(webhook, id: "msg_1", signature: signature, body: body)
    }

    @Test func messagesNameTheHeaderAndFormat() {
        #expect(SignatureError.missingHeader("webhook-id").message.contains("webhook-id"))
        #expect(SignatureError.malformedHeader("webhook-timestamp").message.contains("Unix timestamp"))
        #expect(SignatureError.malformedHeader("webhook-signature").message.contains("v1,"))
        #expect(!SignatureError.timestampTooOld.message.isEmpty)
    }
}
