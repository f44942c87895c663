/// A text prepared for fidelity matching: `Tokenizer` tokens, their match keys, and the clause each token is in.
///
/// Example: `FidelityText("Not bad. Clinics love it")` has tokens `["not", "bad", "clinics", "love", "it"]`,
/// keys `["not", "bad", "clinic", "love", "it"]` and clauses `[0, 0, 1, 1, 1]`, so the `not` cannot
/// reach `clinics` across the full stop.
struct FidelityText {
    /// Normalised tokens (NFKC, lowercase, numbers kept with `%`), stop words included.
    let tokens: [String]
    /// What phrases compare against: Porter2 stems for words, numbers as they are.
    let keys: [String]
    /// Clause index of each token; phrases, negations and numbers never reach across clauses.
    let clauses: [Int]
    /// Positions of negation tokens, found once for all key points.
    let negations: [Int]

    init(_ text: String) {
        var tokens: [String] = []
        var keys: [String] = []
        var clauses: [Int] = []
        for (index, clause) in Self.clauses(of: text).enumerated() {
            for token in Tokenizer.tokens(String(clause)) {
                tokens.append(token)
                keys.append(Self.key(token))
                clauses.append(index)
            }
        }
        self.tokens = tokens
        self.keys = keys
        self.clauses = clauses
        self.negations = tokens.indices.filter { Negation.isNegation(at: $0, in: tokens) }
    }

    var count: Int { self.tokens.count }

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
