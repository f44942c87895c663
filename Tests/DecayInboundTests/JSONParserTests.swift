import Foundation
import Testing

@testable import DecayInbound

@Suite("JSON parser")
struct JSONParserTests {
    static func parse(_ text: String) -> JSONValue? {
        try? JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() {
        let value = Self.parse(#" {"a": [1, -2.5e3, 0.25, true, false, null], "b": {"c": "d"}, "": ""} "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-2500), .number(0.25), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]),
            "": .string(""),
        ]))
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""tab\tnew\nline \"quoted\" back\\slash \/""#, "tab\tnew\nline \"quoted\" back\\slash /"),
        (#""\u00fc \u20AC \ud83d\ude00""#, "ü € 😀"),
        ("\"Grüße, 東京\"", "Grüße, 東京"),
    ])
    func decodesStrings(_ json: String, _ expected: String) {
        #expect(Self.parse(json) == .string(expected))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "tru", "nul", "\"unterminated",
        "\"bad \\x escape\"", "\"lone \\ud83d surrogate\"", "\"control \u{01} char\"", "{} {}", "[1 2]", "NaN", "1e999",
    ])
    func rejectsInvalidJSON(_ json: String) {
        #expect(Self.parse(json) == nil, "\(json)")
    }

    @Test func refusesDeepNesting() {
        #expect(Self.parse(String(repeating: "[", count: 63) + String(repeating: "]", count: 63)) != nil)
        #expect(Self.parse(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)) == nil)
    }

    @Test func rejectsInvalidUTF8() {
        #expect((try? JSONParser.parse([0x22, 0xFF, 0xFE, 0x22])) == nil)
    }

    @Test func agreesWithJSONSerializationOnARealEvent() throws {
        let text = #"{"type": "survey.response", "survey": "vault-3-check", "person": "rep-0042", "submitted_at": "2026-11-20T10:15:00Z", "answers": {"q1": "Mid-market healthcare providers", "q3": 8, "q7": ["a", "b"], "q4": true}}"#
        let parsed = try #require(Self.parse(text))
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["survey"] == .string(reference["survey"] as! String))
        #expect(parsed["answers"]?["q3"] == .number(8))
        #expect(parsed["answers"]?["q7"] == .array([.string("a"), .string("b")]))
        #expect(parsed["answers"]?["q4"] == .bool(true))
    }
}
