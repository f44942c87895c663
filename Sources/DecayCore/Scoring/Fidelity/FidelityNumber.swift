/// A number in a key point or scored text with the unit it counts, so only like is compared with like.
///
/// The unit is `%` for percents (`30%`, `30 percent`, `30 per cent`), else the stem of the word right after
/// the number (`4 hours` -> `hour`, `30 June` -> `june`; the first number of a range takes the second's unit,
/// `100-2,000 staff` -> `staff`), else empty. Values compare numerically: `3` equals `3.0`.
struct FidelityNumber: Equatable, Sendable {
    var value: Double
    var unit: String
    /// For evidence: the number as normalised plus its unit word as written (`"24 hours"`, `"15%"`).
    var text: String

    /// The number at `index`, nil when that token is not a number; `keys` are the tokens' match keys.
    init?(at index: Int, tokens: [String], keys: [String]) {
        let token = tokens[index]
        guard Tokenizer.isNumber(token) else { return nil }
        let digits = token.hasSuffix("%") ? String(token.dropLast()) : token
        guard let value = Double(digits) else { return nil }
        self.value = value
        if token.hasSuffix("%") || Self.percentWord(after: index, in: tokens) {
            self.unit = "%"
            self.text = digits + "%"
            return
        }
        var next = index + 1
        while next < tokens.count, Tokenizer.isNumber(tokens[next]), !tokens[next].hasSuffix("%"),
              !Self.percentWord(after: next, in: tokens) {
            next += 1
        }
        if next < tokens.count, !Tokenizer.isNumber(tokens[next]) {
            self.unit = keys[next]
            self.text = digits + " " + tokens[next]
        } else {
            self.unit = ""
            self.text = digits
        }
    }

    /// `percent`, `pct` or `per cent` right after the token at `index`.
    private static func percentWord(after index: Int, in tokens: [String]) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let word = tokens[index + 1]
        return word == "percent" || word == "pct" || (word == "per" && index + 2 < tokens.count && tokens[index + 2] == "cent")
    }

    /// Every number in a text, in order (used on key point texts and concept phrases).
    static func all(in text: String) -> [FidelityNumber] {
        let tokens = FidelityTokens.of(text)
        let keys = tokens.map(FidelityText.key)
        return tokens.indices.compactMap { FidelityNumber(at: $0, tokens: tokens, keys: keys) }
    }
}
