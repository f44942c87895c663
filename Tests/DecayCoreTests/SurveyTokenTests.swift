import Foundation
import Testing

@testable import DecayCore

struct SurveyTokenTests {
    static let secret: [UInt8] = Array(0..<32)
    static let expires = Date(timeIntervalSince1970: 1_700_000_000)
    static let before = Self.expires.addingTimeInterval(-60)

    func signer(_ secret: [UInt8] = Self.secret) throws -> SurveyTokenSigner {
        try SurveyTokenSigner(secret: secret)
    }

    /// Pins the wire format with a vector computed independently in Python 3:
    /// payload = b"\x01" + leb128(1700000000) + leb128(len(person)) + person + survey;
    /// tag = HMAC-SHA256(bytes(range(32)), b"MessageDecay survey token v1\x00" + payload)[:16];
    /// token = urlsafe_b64encode(payload).rstrip("=") + "." + urlsafe_b64encode(tag).rstrip("=").
    @Test func knownAnswerVector() throws {
        let token = SurveyToken(person: "person.42/ü", survey: "s-1", expires: Self.expires)
        #expect(
            SurveyTokenSigner.encodePayload(token)
                == [
                    0x01, 0x80, 0xe2, 0xcf, 0xaa, 0x06, 0x0c, 0x70, 0x65, 0x72, 0x73, 0x6f, 0x6e, 0x2e, 0x34, 0x32,
                    0x2f, 0xc3, 0xbc, 0x73, 0x2d, 0x31,
                ]
        )
        let string = try self.signer().token(for: token)
        #expect(string == "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ.TFKE8UnVp8u2QTPCdvvw6w")
        #expect(try self.signer().verify(string, now: Self.before) == token)
    }

    @Test(arguments: [
        ("p1", "s1"),
        ("a.b.c", "..."),
        ("", ""),
        ("/?&=#% +", "https://example.com/x?y=z"),
        ("ümlaut 👩‍💻", "调查"),
        ("nul\u{0}inside", "tab\tand\nnewline"),
        ("=", "=="),
    ])
    func anyIdsRoundTrip(person: String, survey: String) throws {
        let signer = try self.signer()
        let token = SurveyToken(person: person, survey: survey, expires: Self.expires)
        let string = signer.token(for: token)
        #expect(try signer.verify(string, now: Self.before) == token)
    }

    @Test func longIdsRoundTrip() throws {
        let signer = try self.signer()
        let token = SurveyToken(
            person: String(repeating: "p", count: 20_000),
            survey: String(repeating: "ş", count: 300),
            expires: Self.expires
        )
        #expect(try signer.verify(signer.token(for: token), now: Self.before) == token)
    }

    @Test func tokenIsURLSafeWithOneSeparatorAndDeterministic() throws {
        let signer = try self.signer()
        let token = SurveyToken(person: "a.b/c+d=e", survey: "ü?#&", expires: Self.expires)
        let string = signer.token(for: token)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
        #expect(string.allSatisfy { allowed.contains($0) })
        #expect(string.filter { $0 == "." }.count == 1)
        #expect(string.split(separator: ".")[1].count == 22)
        #expect(signer.token(for: token) == string)
    }

    @Test func expiryIsExclusive() throws {
        let signer = try self.signer()
        let string = signer.token(for: SurveyToken(person: "p", survey: "s", expires: Self.expires))
        _ = try signer.verify(string, now: Self.expires.addingTimeInterval(-0.001))
        #expect(throws: SurveyTokenError.expired) {
            try signer.verify(string, now: Self.expires)
        }
        #expect(throws: SurveyTokenError.expired) {
            try signer.verify(string, now: Self.expires.addingTimeInterval(86_400))
        }
    }

    @Test func subSecondExpiryRoundsDown() throws {
        let signer = try self.signer()
        let almost = Self.expires.addingTimeInterval(0.9)
        let string = signer.token(for: SurveyToken(person: "p", survey: "s", expires: almost))
        let verified = try signer.verify(string, now: Self.before)
        #expect(verified.expires == Self.expires)
    }

    @Test func pastAndPre1970ExpiriesAreExpired() throws {
        let signer = try self.signer()
        for expires in [Date(timeIntervalSince1970: -1_000), Date(timeIntervalSince1970: 0)] {
            let string = signer.token(for: SurveyToken(person: "p", survey: "s", expires: expires))
            #expect(throws: SurveyTokenError.expired) {
                try signer.verify(string, now: Self.before)
            }
        }
    }

    @Test func wrongSecretIsBadSignature() throws {
        let string = try self.signer().token(for: SurveyToken(person: "p", survey: "s", expires: Self.expires))
        let other = try self.signer(Array(repeating: 9, count: 32))
        #expect(throws: SurveyTokenError.badSignature) {
            try other.verify(string, now: Self.before)
        }
    }

    @Test func swappedPayloadIsBadSignature() throws {
        let signer = try self.signer()
        let mine = signer.token(for: SurveyToken(person: "alice", survey: "s", expires: Self.expires))
        let theirs = signer.token(for: SurveyToken(person: "mallory", survey: "s", expires: Self.expires))
        let forged = mine.split(separator: ".")[0] + "." + theirs.split(separator: ".")[1]
        #expect(throws: SurveyTokenError.badSignature) {
            try signer.verify(String(forged), now: Self.before)
        }
    }

    @Test func extendedExpiryIsBadSignature() throws {
        let signer = try self.signer()
        let original = SurveyToken(person: "p", survey: "s", expires: Self.expires)
        let tag = signer.token(for: original).split(separator: ".")[1]
        let later = SurveyToken(person: "p", survey: "s", expires: Self.expires.addingTimeInterval(86_400))
        let payload = signer.token(for: later).split(separator: ".")[0]
        #expect(throws: SurveyTokenError.badSignature) {
            try signer.verify(payload + "." + tag, now: Self.before)
        }
    }

    @Test func flippedTagCharacterIsBadSignature() throws {
        let signer = try self.signer()
        let string = signer.token(for: SurveyToken(person: "p", survey: "s", expires: Self.expires))
        var chars = Array(string)
        let index = string.firstIndex(of: ".")!.utf16Offset(in: string) + 1
        chars[index] = chars[index] == "A" ? "B" : "A"
        #expect(throws: SurveyTokenError.badSignature) {
            try signer.verify(String(chars), now: Self.before)
        }
    }

    @Test(arguments: [
        "",
        ".",
        "abc",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ.",
        ".TFKE8UnVp8u2QTPCdvvw6w",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ.TFKE8UnVp8u2QTPCdvvw6w.x",
        "AYDiz6oGDHBlcnNvbi40Mi/DvHMtMQ.TFKE8UnVp8u2QTPCdvvw6w",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ==.TFKE8UnVp8u2QTPCdvvw6w",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ.TFKE8UnVp8u2QTPCdvvw6",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ.TFKE8UnVp8u2QTPCdvvw6wAA",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ.TFKE8UnVp8u2QTPCdvvw6x",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMR.TFKE8UnVp8u2QTPCdvvw6w",
        "AYDiz6oGDHBlcnNvbi40Mi_DvHMtMQ TFKE8UnVp8u2QTPCdvvw6w",
    ])
    func malformedTokensAreRejected(token: String) throws {
        #expect(throws: SurveyTokenError.malformed) {
            try self.signer().verify(token, now: Self.before)
        }
    }

    @Test func authenticButUndecodablePayloadsAreMalformed() throws {
        let signer = try self.signer()
        let valid = SurveyTokenSigner.encodePayload(SurveyToken(person: "p", survey: "s", expires: Self.expires))
        var unknownVersion = valid
        unknownVersion[0] = 2
        let truncatedVarint: [UInt8] = [0x01, 0x80]
        let lengthPastEnd: [UInt8] = [0x01, 0x01, 0x05, 0x61]
        let invalidUTF8: [UInt8] = [0x01, 0x01, 0x01, 0xff, 0x61]
        let overlongVarint: [UInt8] = [0x01, 0x81, 0x00, 0x00]
        for payload in [unknownVersion, truncatedVarint, lengthPastEnd, invalidUTF8, overlongVarint] {
            let string = Self.base64URL(payload) + "." + Self.base64URL(signer.tag(for: payload))
            #expect(throws: SurveyTokenError.malformed) {
                try signer.verify(string, now: Self.before)
            }
        }
    }

    @Test func shortSecretIsRejected() {
        #expect(throws: SurveyTokenError.invalidSecret) {
            try SurveyTokenSigner(secret: Array(repeating: 1, count: 31))
        }
        #expect(throws: SurveyTokenError.invalidSecret) {
            try SurveyTokenSigner(secret: [])
        }
    }

    @Test func generatedSecretWorks() throws {
        let secret = SurveyTokenSigner.generateSecret()
        #expect(secret.count == 32)
        #expect(secret != SurveyTokenSigner.generateSecret())
        let signer = try self.signer(secret)
        let token = SurveyToken(person: "p", survey: "s", expires: Self.expires)
        #expect(try signer.verify(signer.token(for: token), now: Self.before) == token)
    }

    @Test func errorsHaveMessages() {
        for error in [SurveyTokenError.invalidSecret, .malformed, .badSignature, .expired] {
            #expect(!error.message.isEmpty)
        }
    }

    /// Test-side base64url (unpadded) via Foundation, independent of the signer's own codec.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
