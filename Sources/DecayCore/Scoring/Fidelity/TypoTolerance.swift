/// How far a word in a scored text may be misspelt and still match a concept phrase word: one edit when both words
/// have 6 or more letters (`imutable`), two when both have 9 or more (`ransomwear`); none for shorter words,
/// numbers and distortion phrases, so a slip never turns into a distortion.
///
/// An edit is an insertion, deletion, substitution or swap of two neighbouring letters (optimal string alignment).
enum TypoTolerance {
    /// Edits allowed for a word of this length: 0, 1 or 2 (the smaller of the two words' budgets applies).
    static func budget(for word: String) -> Int {
        guard !Tokenizer.isNumber(word) else { return 0 }
        var letters = 0
        for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if letters >= 9 { return 2 }
        }
        return letters >= 6 ? 1 : 0
    }

    /// Whether `a` and `b` are at most `limit` edits apart.
    static func within(_ limit: Int, _ a: String, _ b: String) -> Bool {
        self.within(limit, Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// Whether `x` and `y` are at most `limit` edits apart. Only cells within `limit` of the diagonal are computed
    /// (any path leaving that band costs more), it gives up as soon as a whole row exceeds `limit`, and its three
    /// rows live on the stack: it runs for every long word of a relay against every concept word.
    static func within(_ limit: Int, _ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Bool {
        let n = x.count
        let m = y.count
        guard abs(n - m) <= limit else { return false }
        if x == y { return true }
        guard limit > 0, n > 0, m > 0 else { return false }
        let big = limit + 1
        let width = m + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            rows.initialize(repeating: big)
            var previous2 = 0
            var previous = width
            var current = 2 * width
            for j in 0...min(m, limit) { rows[previous + j] = j }
            for i in 1...n {
                for j in 0...m { rows[current + j] = big }
                if i <= limit { rows[current] = i }
                var best = rows[current]
                let low = max(1, i - limit)
                let high = min(m, i + limit)
                if low <= high {
                    for j in low...high {
                        let cost = x[i - 1] == y[j - 1] ? 0 : 1
                        var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                            value = min(value, rows[previous2 + j - 2] + 1)
                        }
                        rows[current + j] = min(value, big)
                        best = min(best, rows[current + j])
                    }
                }
                if best > limit { return false }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return rows[previous + m] <= limit
        }
    }
}
