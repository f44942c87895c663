import Foundation
import Testing

@testable import DecayCore

/// Slack's documented example from "Verifying requests from Slack"
/// (https://api.slack.com/authentication/verifying-requests-from-slack): signing secret
/// 8f742231b10e8888abcd99yyyzzz85a5, timestamp 1531420618, the slash-command body below,
/// and the resulting X-Slack-Signature. Reproduced independently with Python's hmac module.
struct SlackSignatureTests {
    static let secret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let timestamp = 1_531_420_618
    static let body = Array(
        ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
            + "%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").utf8
    )
    static let signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    static let sentAt = Date(timeIntervalSince1970: TimeInterval(timestamp))

    func verify(
        _ slack: SlackSignature,
        timestamp: String? = String(Self.timestamp),
        signature: String? = Self.signature,
        body: [UInt8] = Self.body,
        now: Date = Self.sentAt.addingTimeInterval(60)
    ) throws(SignatureError) {
        try slack.verify(timestampHeader: timestamp, signatureHeader: signature, body: body, now: now)
    }

    @Test func signReproducesDocumentedExample() throws {
        let slack = try SlackSignature(signingSecret: Self.secret)
        #expect(slack.sign(timestamp: Self.timestamp, body: Self.body) == Self.signature)
    }

    @Test func documentedExampleVerifies() throws {
        try self.verify(SlackSignature(signingSecret: Self.secret))
    }

    @Test func uppercaseHexIsAccepted() throws {
        let upper = "v0=" + Self.signature.dropFirst(3).uppercased()
        try self.verify(SlackSignature(signingSecret: Self.secret), signature: upper)
    }

    @Test func tamperedBodyIsRejected() throws {
        var body = Self.body
        body.append(UInt8(ascii: "x"))
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(SlackSignature(signingSecret: Self.secret), body: body)
        }
    }

    @Test func tamperedTimestampIsRejected() throws {
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(SlackSignature(signingSecret: Self.secret), timestamp: String(Self.timestamp + 1))
        }
    }

    @Test func wrongSecretIsRejected() throws {
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(SlackSignature(signingSecret: "8f742231b10e8888abcd99yyyzzz85a6"))
        }
    }

    @Test func emptySecretIsRejected() {
        #expect(throws: SignatureError.invalidSecret) {
            try SlackSignature(signingSecret: "")
        }
    }

    @Test func missingHeadersAreNamed() throws {
        let slack = try SlackSignature(signingSecret: Self.secret)
        for empty in [nil, ""] as [String?] {
            #expect(throws: SignatureError.missingHeader("X-Slack-Request-Timestamp")) {
                try self.verify(slack, timestamp: empty)
            }
            #expect(throws: SignatureError.missingHeader("X-Slack-Signature")) {
                try self.verify(slack, signature: empty)
            }
        }
    }

    @Test(arguments: ["abc", "1531420618.5", "-1531420618"])
    func malformedTimestampIsRejected(timestamp: String) throws {
        #expect(throws: SignatureError.malformedHeader("X-Slack-Request-Timestamp")) {
            try self.verify(SlackSignature(signingSecret: Self.secret), timestamp: timestamp)
        }
    }

    @Test(arguments: [
        "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50",
        "v0=a2114d57",
        "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        "v0=",
    ])
    func malformedSignatureIsRejected(signature: String) throws {
        #expect(throws: SignatureError.malformedHeader("X-Slack-Signature")) {
            try self.verify(SlackSignature(signingSecret: Self.secret), signature: signature)
        }
    }

    @Test func staleAndFutureTimestampsAreRejected() throws {
        let slack = try SlackSignature(signingSecret: Self.secret)
        #expect(throws: SignatureError.timestampTooOld) {
            try self.verify(slack, now: Self.sentAt.addingTimeInterval(301))
        }
        #expect(throws: SignatureError.timestampInFuture) {
            try self.verify(slack, now: Self.sentAt.addingTimeInterval(-301))
        }
        try self.verify(slack, now: Self.sentAt.addingTimeInterval(300))
        try self.verify(slack, now: Self.sentAt.addingTimeInterval(-300))
    }

    @Test func signatureIsCheckedBeforeTimestamp() throws {
        let forged = "v0=" + String(repeating: "0", count: 64)
        #expect(throws: SignatureError.noMatchingSignature) {
            try self.verify(
                SlackSignature(signingSecret: Self.secret),
                signature: forged,
                now: Self.sentAt.addingTimeInterval(86_400)
            )
        }
    }

    @Test func signedRequestRoundTrips() throws {
        let slack = try SlackSignature(signingSecret: "another-secret")
        let body = Array(#"{"type":"event_callback"}"#.utf8)
        let signature = slack.sign(timestamp: 1_700_000_000, body: body)
        try slack.verify(
            timestampHeader: "1700000000",
            signatureHeader: signature,
            body: body,
            now: Date(timeIntervalSince1970: 1_700_000_010)
        )
    }

    @Test func messagesNameTheHeader() {
        #expect(SignatureError.malformedHeader("X-Slack-Signature").message.contains("X-Slack-Signature"))
        #expect(SignatureError.malformedHeader("X-Slack-Signature").message.contains("v0="))
    }
}
