/// A text prepared for fidelity matching: `FidelityTokens`, their match keys, the clause each token is in,
/// the narrower negation scope, and the text's language.
///
/// Example: `FidelityText("Not bad. Clinics love it")` has tokens `["not", "bad", "clinics", "love", "it"]`,
/// keys `["not", "bad", "clinic", "love", "it"]` and clauses `[0, 0, 1, 1, 1]`, so the `not` cannot
/// reach `clinics` across the full stop.
struct FidelityText {
    /// Normalised tokens (NFKC, lowercase, numbers and units written one way), stop words included.
    let tokens: [String]
    /// What phrases compare against: Porter2 stems for words, numbers as they are.
    let keys: [String]
    /// Clause index of each token; phrases and numbers never reach across clauses.
    let clauses: [Int]
    /// Negation scope of each token: clauses cut further at `,`, `–`, `—`, a spaced `-` and before `but`,
    /// so `"not in retail, healthcare is the target"` does not negate `healthcare`.
    let scopes: [Int]
    /// Positions of negation tokens, found once for all key points.
    let negations: [Int]
    /// `"en"`, or the code of the language `LanguageDetector` finds.
    let language: String

    init(_ text: String) {
        var tokens: [String] = []
        var clauses: [Int] = []
        var scopes: [Int] = []
        var scope = 0
        for (index, clause) in Self.clauses(of: text).enumerated() {
            for segment in Self.scopeSegments(of: clause) {
                scope += 1
                for token in FidelityTokens.of(String(segment)) {
                    if token == "but" { scope += 1 }
                    tokens.append(token)
                    clauses.append(index)
                    scopes.append(scope)
                }
            }
        }
        self.tokens = tokens
        self.keys = tokens.map(Self.key)
        self.clauses = clauses
        self.scopes = scopes
        self.language = LanguageDetector.language(of: tokens)
        self.negations = tokens.indices.filter { Negation.isNegation(at: $0, in: tokens) }
    }

    var count: Int { self.tokens.count }

    /// Splits a clause where a negation's reach ends: at `,` followed by a space or the end (not `2,000`), and at
    /// `–`, `—` or a hyphen with a space on either side, unless digits stand on both sides (`100 – 2,000`).
    static func scopeSegments(of clause: Substring) -> [Substring] {
        let scalars = clause.unicodeScalars
        guard scalars.contains(where: { $0 == "," || $0 == "\u{FF0C}" || $0 == "\u{2013}" || $0 == "\u{2014}" || $0 == "-" }) else {
            return [clause]
        }
        var result: [Substring] = []
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let next = scalars.index(after: i)
            var cut = false
            if c == "," || c == "\u{FF0C}" {
                cut = next == scalars.endIndex || scalars[next].properties.isWhitespace
            } else if c == "\u{2013}" || c == "\u{2014}" || c == "-" {
                let before = scalars[..<i].last { !$0.properties.isWhitespace }
                let after = scalars[next...].first { !$0.properties.isWhitespace }
                let range = before.map(Self.isDigit) == true && after.map(Self.isDigit) == true
                let spaced = (i > scalars.startIndex && scalars[scalars.index(before: i)].properties.isWhitespace)
                    || (next < scalars.endIndex && scalars[next].properties.isWhitespace)
                cut = !range && (c != "-" || spaced)
            }
            if cut {
                result.append(Substring(scalars[start..<next]))
                start = next
            }
            i = next
        }
        if start < scalars.endIndex { result.append(Substring(scalars[start...])) }
        return result
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// The match key of one token: numbers unchanged, words Porter2-stemmed, then a plural `s` dropped
    /// from vowel-less stems so acronym plurals meet their singular (`smbs` -> `smb`, `msps` -> `msp`),
    /// which Porter2 leaves alone.
    static func key(_ token: String) -> String {
        if Tokenizer.isNumber(token) { return token }
        let stem = Porter2.stem(token)
        let utf8 = stem.utf8
        guard utf8.count >= 3, utf8.last == UInt8(ascii: "s") else { return stem }
        let body = utf8.dropLast()
        guard body.allSatisfy({ $0 < 0x80 && !Self.vowels.contains($0) }) else { return stem }
        return String(decoding: body, as: UTF8.self)
    }

    private static let vowels: Set<UInt8> = Set("aeiouy".utf8)

    /// Splits text into clauses: after `.`, `!`, `?`, `;` or `:` followed by whitespace or the end
    /// (closing `*`, `_`, quotes and brackets may come between), at blank lines, and before list items.
    /// `3.0`, `10:30` and `2,000` do not split.
    static func clauses(of text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var result: [Substring] = []
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let next = scalars.index(after: i)
            var cut: String.UnicodeScalarView.Index?
            if Self.terminators.contains(scalars[i]) {
                var j = next
                while j < scalars.endIndex, Self.closers.contains(scalars[j]) {
                    j = scalars.index(after: j)
                }
                if j == scalars.endIndex || scalars[j].properties.isWhitespace {
                    cut = j
                }
            } else if scalars[i] == "\n" {
                var j = next
                while j < scalars.endIndex, scalars[j] != "\n", scalars[j].properties.isWhitespace {
                    j = scalars.index(after: j)
                }
                if j < scalars.endIndex, scalars[j] == "\n" || Self.isListMarker(scalars, at: j) {
                    cut = j
                }
            }
            if let cut {
                result.append(Substring(scalars[start..<cut]))
                start = cut
                i = cut
            } else {
                i = next
            }
        }
        if start < scalars.endIndex {
            result.append(Substring(scalars[start..<scalars.endIndex]))
        }
        return result
    }

    /// Sentence and clause ends, ASCII and full-width.
    private static let terminators: Set<Unicode.Scalar> = [".", "!", "?", ";", ":", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}", "\u{FF1A}"]

    /// Marks that may close a clause before the space: Markdown emphasis, quotes, brackets.
    private static let closers: Set<Unicode.Scalar> = ["*", "_", "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}"]

    /// A Markdown list marker at `index`: `-`, `*`, `+` or `•`, or digits then `.` or `)`, then whitespace.
    private static func isListMarker(_ scalars: String.UnicodeScalarView, at index: String.UnicodeScalarView.Index) -> Bool {
        var j = index
        if ["-", "*", "+", "\u{2022}"].contains(scalars[j]) {
            j = scalars.index(after: j)
        } else {
            var digits = 0
            while j < scalars.endIndex, scalars[j].properties.numericType == .decimal, scalars[j].isASCII {
                digits += 1
                j = scalars.index(after: j)
            }
            guard digits > 0, j < scalars.endIndex, scalars[j] == "." || scalars[j] == ")" else { return false }
            j = scalars.index(after: j)
        }
        return j < scalars.endIndex && scalars[j].properties.isWhitespace
    }
}
