import Testing

@testable import DecayCore

/// `concepts:` given per language in a message's front matter, and the problems `decay lint` reports on them.
@Suite("Content: concepts per language")
struct LocalizedConceptsTests {
    private func message(concepts: String) -> Result<Message, ContentErrors> {
        MessageParser.parse("""
            ---
            id: m
            version: 1
            title: T
            key_points:
              - id: p
                text: Built for healthcare.
                concepts:
            \(concepts)
            ---
            Body.
            """, file: "m.md")
    }

    @Test func slotsPerLanguageAreRead() throws {
        let message = try self.message(concepts: """
                  en: [[healthcare, clinic], [mid-market]]
                  de: [[klinik, kliniken], [mittelstand]]
            """).get()
        #expect(message.keyPoints[0].concepts == [["healthcare", "clinic"], ["mid-market"]])
        #expect(message.keyPoints[0].localizedConcepts == ["de": [["klinik", "kliniken"], ["mittelstand"]]])
    }

    @Test(arguments: [
        ("      de: [[klinik]]", 9, "must include 'en'"),
        ("      en: [[clinic]]\n      xx: [[klinik]]", 10, "unknown language 'xx'"),
        ("      en: [[clinic], [mid-market]]\n      de: [[klinik]]", 10, "concepts.de of key point 'p' has 1 slot(s), concepts.en has 2"),
    ])
    func problemsNameTheLanguageAndLine(concepts: String, line: Int, words: String) throws {
        guard case .failure(let errors) = self.message(concepts: concepts) else {
            Issue.record("expected a problem")
            return
        }
        #expect(errors.problems.contains { $0.line == line && $0.message.contains(words) }, "\(errors)")
    }
}
