/// Tokens for fidelity matching: `Tokenizer` tokens with numbers and units written one way, so
/// `4 hrs`, `4h`, `4-hour` and `four hours` all read `4 hour`, and `2k` reads `2000`.
///
/// Applied alike to scored texts, concept and distortion phrases, and key point texts, so both sides agree.
/// Spelled-out numbers up to a hundred become digits (`twenty-five` -> `25`, `a hundred` -> `100`); a number
/// glued to a unit is split (`90d` -> `90 day`, `6mo` -> `6 month`); a unit abbreviation right after a number
/// is written out (`min`, `h`/`hr`/`hrs`, `d`, `wk`, `mo`, `yr` and plurals); `k` after or glued to a number
/// multiplies it by a thousand.
enum FidelityTokens {
    /// Normalised tokens of `text`.
    static func of(_ text: String) -> [String] {
        self.normalise(Tokenizer.tokens(text))
    }

    /// Number words to digits, glued units split, unit abbreviations after a number written out.
    static func normalise(_ tokens: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            if let (value, used) = self.spelledNumber(tokens, at: i) {
                out.append(self.format(value))
                i += used
                continue
            }
            let token = tokens[i]
            if let (number, unit) = self.gluedUnit(token) {
                out.append(number)
                if let unit { out.append(unit) }
            } else if let previous = out.last, Tokenizer.isNumber(previous), !previous.hasSuffix("%") {
                if token == "k", let value = Double(previous) {
                    out[out.count - 1] = self.format(value * 1000)
                } else {
                    out.append(self.units[token] ?? token)
                }
            } else {
                out.append(token)
            }
            i += 1
        }
        return out
    }

    /// A number glued to a unit (`4h`, `90d`, `2k`, `2.5k`, `6mos`): the number, and the unit written out
    /// (nil for `k`, which is folded into the number). Nil for anything else (`3g`, `2fa`, `100`).
    private static func gluedUnit(_ token: String) -> (String, String?)? {
        guard let first = token.unicodeScalars.first, first.properties.numericType == .decimal, first.isASCII else { return nil }
        let digits = token.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let suffix = String(token.dropFirst(digits.count))
        guard !digits.isEmpty, !suffix.isEmpty, let value = Double(digits) else { return nil }
        if suffix == "k" { return (self.format(value * 1000), nil) }
        guard let unit = self.units[suffix] else { return nil }
        return (String(digits), unit)
    }

    /// Writes a value as the tokenizer writes numbers: `4`, `2000`, `2.5`.
    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A spelled-out number from `index` (`four`, `twenty five`, `ninety`, `a hundred`, `one hundred`) and the
    /// tokens it used; nil when none starts there.
    private static func spelledNumber(_ tokens: [String], at index: Int) -> (Double, Int)? {
        if tokens[index] == "a", index + 1 < tokens.count, tokens[index + 1] == "hundred" { return (100, 2) }
        guard let first = self.numberWords[tokens[index]] else { return nil }
        var value = first
        var used = 1
        if first >= 20, first < 100, first.truncatingRemainder(dividingBy: 10) == 0, index + 1 < tokens.count,
           let ones = self.numberWords[tokens[index + 1]], ones >= 1, ones <= 9 {
            value += ones
            used += 1
        }
        if value < 10, index + used < tokens.count, tokens[index + used] == "hundred" {
            value *= 100
            used += 1
        }
        return (value, used)
    }

    private static let numberWords: [String: Double] = {
        let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var words: [String: Double] = [:]
        for (value, word) in ones.enumerated() { words[word] = Double(value) }
        for (offset, word) in tens.enumerated() { words[word] = Double(20 + 10 * offset) }
        words["hundred"] = 100
        return words
    }()

    /// Unit abbreviations and their written-out form (same stem as the full word's plural).
    private static let units: [String: String] = [
        "min": "minute", "mins": "minute", "m": "minute",
        "h": "hour", "hr": "hour", "hrs": "hour", "hs": "hour",
        "d": "day", "dy": "day", "dys": "day",
        "wk": "week", "wks": "week", "w": "week",
        "mo": "month", "mos": "month", "mth": "month", "mths": "month",
        "yr": "year", "yrs": "year", "y": "year",
        "pct": "percent",
    ]
}
