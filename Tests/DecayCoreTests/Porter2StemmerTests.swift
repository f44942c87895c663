import Foundation
import Testing
@testable import DecayCore

struct Porter2StemmerTests {
    /// `<repo root>/../shared/data/snowball-english/`, the Snowball reference vocabulary and its stems.
    static let referenceFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data/snowball-english")

    static func lines(_ name: String) throws -> [String] {
        let text = try String(contentsOf: self.referenceFolder.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Every one of the 42,649 Snowball reference words stems to its listed output.
    @Test func reproducesSnowballReferenceVocabulary() throws {
        let words = try Self.lines("voc.txt")
        let expected = try Self.lines("output.txt")
        #expect(words.count == 42_649)
        try #require(words.count == expected.count)
        var mismatches: [String] = []
        var mismatchCount = 0
        for (word, stem) in zip(words, expected) {
            let got = Porter2.stem(word)
            if got != stem {
                mismatchCount += 1
                if mismatches.count < 20 { mismatches.append("\(word) -> \(got), expected \(stem)") }
            }
        }
        #expect(mismatchCount == 0, "\(mismatchCount) mismatches, first: \(mismatches.joined(separator: "; "))")
    }

    /// Regular suffixes, the exceptional forms and the Snowball 3 region prefixes.
    @Test(arguments: [
        ("connections", "connect"), ("generously", "generous"), ("communications", "communic"),
        ("hopping", "hop"), ("hoping", "hope"), ("cries", "cri"), ("ties", "tie"),
        ("dying", "die"), ("skies", "sky"), ("news", "news"), ("early", "earli"), ("inning", "inning"),
        ("proceed", "proceed"), ("pasting", "paste"), ("university", "universiti"), ("internal", "internal"),
        ("geologist", "geolog"), ("there's", "there"), ("'s'", "s"), ("by", "by"), ("a", "a"),
    ])
    func stems(_ word: String, _ expected: String) {
        #expect(Porter2.stem(word) == expected)
    }

    /// Non-ASCII letters count as consonants and survive stemming in place.
    @Test(arguments: [("cafés", "café"), ("naïvety", "naïveti"), ("résumés", "résumé")])
    func keepsNonASCIILetters(_ word: String, _ expected: String) {
        #expect(Porter2.stem(word) == expected)
    }
}
