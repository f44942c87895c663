/// Tells which language a text is written in by counting stop words (Snowball lists): English, or one of
/// `LanguageStopWords.lists` (de, fr, es, nl, it, pt).
///
/// Example: `LanguageDetector.language(of: Tokenizer.tokens("Vault 3 ist für Kliniken mit 100-2000 Mitarbeitern"))`
/// is `"de"` (`ist`, `für`, `mit`); a text with no stop words at all is taken as English.
public enum LanguageDetector {
    /// The languages a text can be detected as, English first.
    public static let languages = ["en"] + LanguageStopWords.lists.keys.sorted()

    /// `"en"` unless another language has at least 2 stop words in `tokens`, more than English and more than any
    /// other; on a tie English wins, then the first code in alphabetical order.
    public static func language(of tokens: [String]) -> String {
        var hits = [Int](repeating: 0, count: self.languages.count)
        for token in tokens {
            guard let languages = self.languagesOfWord[token] else { continue }
            for language in languages { hits[language] += 1 }
        }
        var best = 0
        for language in hits.indices where hits[language] > hits[best] { best = language }
        return best != 0 && hits[best] >= 2 ? self.languages[best] : "en"
    }

    /// Stop word -> indices into `languages` of the languages it is a stop word of, so one pass counts them all.
    private static let languagesOfWord: [String: [Int]] = {
        var map: [String: [Int]] = [:]
        for word in StopWords.english { map[word, default: []].append(0) }
        for (index, code) in languages.enumerated().dropFirst() {
            for word in LanguageStopWords.lists[code] ?? [] { map[word, default: []].append(index) }
        }
        return map
    }()
}
