import Foundation

/// Splits English text into lowercase word and number tokens for matching.
public enum Tokenizer {
    /// Word and number tokens: NFKC, lowercase, curly apostrophes folded, hyphens split, possessive 's dropped.
    ///
    /// Example: `tokens("Mid-market firm’s 2,000 users don't grow 15%")` is
    /// `["mid", "market", "firm", "2000", "users", "don't", "grow", "15%"]`.
    public static func tokens(_ text: String) -> [String] {
        // ASCII is already NFKC, and Foundation's normalisation bridges through NSString: skip it for most answers.
        let normalized = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
        let scalars = Array(normalized.lowercased().unicodeScalars)
            .map { self.apostrophes.contains($0) ? "'" : $0 }
        var tokens: [String] = []
        var i = 0
        while i < scalars.count {
            if self.isWordScalar(scalars[i]) {
                let (token, end) = self.scanToken(scalars, from: i)
                tokens.append(token)
                i = end
            } else {
                i += 1
            }
        }
        return tokens
    }

    /// Porter2 stems of the word tokens, numbers unchanged, stop words dropped when asked.
    ///
    /// Example: `stems("The users were connecting", dropStopWords: true)` is `["user", "connect"]`.
    public static func stems(_ text: String, dropStopWords: Bool) -> [String] {
        self.tokens(text).compactMap { token in
            if dropStopWords, StopWords.english.contains(token) { return nil }
            return self.isNumber(token) ? token : Porter2.stem(token)
        }
    }

    /// Whether a token is a number (`2000`, `3.5`, `15%`) rather than a word.
    static func isNumber(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first else { return false }
        return self.isDigit(first)
    }

    /// Apostrophe look-alikes folded to `'` so `don’t` and `don't` are one token.
    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{201B}", "\u{02BC}", "\u{FF07}"]

    /// Reads one token starting at a word scalar: letters and digits, apostrophes between them,
    /// and inside numbers thousands commas (dropped) and one decimal point; a number may end in `%`.
    private static func scanToken(_ s: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var out = String.UnicodeScalarView()
        var allDigits = true
        var sawDecimal = false
        var j = start
        while j < s.count {
            let c = s[j]
            if self.isWordScalar(c) {
                out.append(c)
                allDigits = allDigits && self.isDigit(c)
                j += 1
            } else if c == ",", allDigits, !sawDecimal, self.isThousandsGroup(s, at: j + 1) {
                j += 1
            } else if c == ".", allDigits, !sawDecimal, j + 1 < s.count, self.isDigit(s[j + 1]) {
                out.append(c)
                sawDecimal = true
                j += 1
            } else if c == "'", j + 1 < s.count, self.isWordScalar(s[j + 1]) {
                out.append(c)
                allDigits = false
                j += 1
            } else {
                break
            }
        }
        if allDigits, j < s.count, s[j] == "%" {
            out.append("%")
            j += 1
        }
        var token = String(out)
        if token.hasSuffix("'s"), token.unicodeScalars.count > 2, !StopWords.english.contains(token) {
            token.unicodeScalars.removeLast(2)
        }
        return (token, j)
    }

    /// Exactly three digits at `index`, not followed by another digit (the `000` of `2,000`).
    private static func isThousandsGroup(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 3 <= s.count else { return false }
        for k in index..<(index + 3) where !self.isDigit(s[k]) { return false }
        return index + 3 == s.count || !self.isDigit(s[index + 3])
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    /// Letters, combining marks and decimal digits of any script.
    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A) || self.isDigit(c)
        }
        let properties = c.properties
        if properties.isAlphabetic || properties.numericType == .decimal { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
