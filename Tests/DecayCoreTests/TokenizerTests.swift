import Testing
@testable import DecayCore

struct TokenizerTests {
    /// Numbers keep decimals and a trailing percent, lose thousands commas, and ranges split.
    @Test(arguments: [
        ("2,000", ["2000"]), ("3.5", ["3.5"]), ("15%", ["15%"]), ("100-2,000", ["100", "2000"]),
        ("1,234,567.89", ["1234567.89"]), ("1,2", ["1", "2"]), ("grew 3.", ["grew", "3"]),
        ("$2,000–3,500", ["2000", "3500"]), ("２,０００", ["2000"]),
    ])
    func numbers(_ text: String, _ expected: [String]) {
        #expect(Tokenizer.tokens(text) == expected)
    }

    /// Hyphens split words, possessive 's goes, contractions keep their apostrophe.
    @Test(arguments: [
        ("Mid-market", ["mid", "market"]), ("the company's plan", ["the", "company", "plan"]),
        ("customers' data", ["customers", "data"]), ("don't", ["don't"]), ("Don’t", ["don't"]),
        ("It’s here", ["it's", "here"]), ("'quoted'", ["quoted"]), ("ﬁnance", ["finance"]),
        ("Café au lait", ["café", "au", "lait"]),
    ])
    func words(_ text: String, _ expected: [String]) {
        #expect(Tokenizer.tokens(text) == expected)
    }

    @Test func mixedSentence() {
        let tokens = Tokenizer.tokens("Mid-market firm’s 2,000 users don't grow 15%")
        #expect(tokens == ["mid", "market", "firm", "2000", "users", "don't", "grow", "15%"])
    }

    /// Stems words, leaves numbers alone, and drops stop words only when asked.
    @Test func stems() {
        #expect(Tokenizer.stems("The users were connecting", dropStopWords: true) == ["user", "connect"])
        let kept = Tokenizer.stems("The users were connecting", dropStopWords: false)
        #expect(kept == ["the", "user", "were", "connect"])
        let numbers = Tokenizer.stems("Revenue grew 15% to 2,000 accounts", dropStopWords: true)
        #expect(numbers == ["revenu", "grew", "15%", "2000", "account"])
    }

    /// Negations are Snowball stop words, so negation checks must use the tokens before removal.
    @Test func negationsAreStopWords() {
        #expect(StopWords.english.count == 174)
        for word in ["not", "no", "nor", "don't", "isn't", "can't", "won't"] {
            #expect(StopWords.english.contains(word))
        }
        #expect(Tokenizer.stems("I don't like it", dropStopWords: true) == ["like"])
        #expect(Tokenizer.tokens("I don't like it").contains("don't"))
    }
}
