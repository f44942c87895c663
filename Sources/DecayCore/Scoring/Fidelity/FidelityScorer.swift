/// Scores free text (quiz answers, relayed messages) against a message's key points; build once, score many.
///
/// Rules ("Relay fidelity", docs/scoring-fidelity.md):
/// - Text and phrases are tokenised by `Tokenizer` (NFKC, lowercase, hyphens split, numbers kept with `%`)
///   and words stemmed with Porter2; a vowel-less plural `s` is dropped (`SMBs` meets `smb`). Clauses end at
///   `. ! ? ; :` before a space, at blank lines and before list items; nothing below reaches across them.
/// - A phrase matches where its keys occur contiguously, stop words included (`on top of`, `100-2,000`).
///   A slot matches when any of its phrases does.
/// - Distorted when (a) a distortion phrase matches and is not negated, (b) a negation (`not`, `no`, `never`,
///   `without`, `nor`, `cannot`, any `n't` form) stands at most 3 tokens before a slot match, or (c) a number at
///   most 4 tokens from a slot match counts a unit that the point's concept phrases use (`%`, or the word after
///   the number: `4 hours` -> `hour`) with a value (`3` equals `3.0`) that no number of that unit in the point's
///   text or concept phrases has: `15%` for `30%`, `24 hours` for `4 hours`, but not `1 March` near `30%`.
///   A negation governs the nearest following match and a chain of same-role matches after it, so
///   `not retail SMBs` rules distortions out instead of negating the point.
/// - Otherwise present when every slot matches, else missing. `fidelity` = weight of present points / total weight.
/// - `wordingDrift` is ROUGE-1 recall and ROUGE-L F1 against the key point texts joined, tokenised as
///   rouge-score does, stemmed with Porter2 rather than rouge-score's Porter.
///
/// Example: `FidelityScorer(message: vault).score("Vault 3 is not for healthcare").status(of: "target-market")`
/// is `.distorted`.
public struct FidelityScorer: Sendable {
    private let points: [CompiledPoint]
    /// First match key of every phrase -> (point, phrase) pairs, so one pass over the text finds all matches.
    private let index: [String: [PhraseReference]]
    /// First words of slot phrases that tolerate a typo, each with the phrases starting with it; tried where no
    /// exact first key matches.
    private let fuzzyStarts: [FuzzyStart]
    /// Every phrase key: a text word that is one is never read as a slip of another (`attack` is not `attach`).
    private let exact: Set<String>
    private let rouge: RougeReference

    /// Scores against every key point of `message`.
    public init(message: Message) {
        self.init(keyPoints: message.keyPoints)
    }

    /// Scores against the given key points only (a free-text question checks a subset).
    public init(keyPoints: [KeyPoint]) {
        let points = keyPoints.map(CompiledPoint.init)
        var index: [String: [PhraseReference]] = [:]
        var fuzzyStarts: [String: FuzzyStart] = [:]
        for (pointIndex, point) in points.enumerated() {
            for (phraseIndex, phrase) in point.phrases.enumerated() {
                let reference = PhraseReference(point: pointIndex, phrase: phraseIndex)
                index[phrase.keys[0], default: []].append(reference)
                if phrase.budgets[0] > 0 {
                    fuzzyStarts[phrase.tokens[0], default: FuzzyStart(token: phrase.tokens[0], key: phrase.keys[0], budget: phrase.budgets[0])]
                        .references.append(reference)
                }
            }
        }
        self.points = points
        self.index = index
        self.fuzzyStarts = fuzzyStarts.keys.sorted().compactMap { fuzzyStarts[$0] }
        self.exact = Set(points.flatMap { $0.phrases.flatMap(\.keys) })
        self.rouge = RougeReference(keyPoints.map(\.text).joined(separator: "\n"), stem: true)
    }

    /// The status of every key point in `text`, the weighted share present, and the wording drift.
    public func score(_ text: String) -> FidelityReport {
        let scores = self.pointScores(text)
        return FidelityReport(points: scores, fidelity: Self.fidelity(scores), wordingDrift: self.rouge.score(text))
    }

    /// Weight of the present points over the total weight of the scored points; nil when none is scored.
    public static func fidelity(_ scores: [PointScore]) -> Double? {
        let total = scores.filter { $0.status.kind != .notScored }.map(\.weight).reduce(0, +)
        let present = scores.filter { $0.status.kind == .present }.map(\.weight).reduce(0, +)
        return total > 0 ? present / total : nil
    }

    /// The status of every key point in `text`, without the wording drift (for free-text answers, counted by status).
    public func pointScores(_ text: String) -> [PointScore] {
        let prepared = FidelityText(text)
        if prepared.language != "en" {
            return self.points.map { point in
                PointScore(keyPointID: point.id, weight: point.weight, status: point.localizedStatus(in: prepared))
            }
        }
        let occurrences = self.occurrences(in: prepared)
        return self.points.enumerated().map { index, point in
            PointScore(keyPointID: point.id, weight: point.weight, status: point.status(of: occurrences[index], in: prepared))
        }
    }

    /// All phrase matches per point, ordered by start, longer matches first at the same start.
    private func occurrences(in text: FidelityText) -> [[PhraseOccurrence]] {
        var result = [[PhraseOccurrence]](repeating: [], count: self.points.count)
        var misspelt: [String: [PhraseReference]] = [:]
        for start in 0..<text.count {
            let references: [PhraseReference]
            if let exact = self.index[text.keys[start]] {
                references = exact
            } else if let cached = misspelt[text.tokens[start]] {
                references = cached
            } else {
                references = self.fuzzyStarts(at: start, in: text)
                misspelt[text.tokens[start]] = references
            }
            for reference in references {
                let phrase = self.points[reference.point].phrases[reference.phrase]
                let end = start + phrase.keys.count
                guard end <= text.count, text.clauses[end - 1] == text.clauses[start] else { continue }
                var matches = true
                for offset in 1..<phrase.keys.count where !phrase.matches(offset, at: start + offset, in: text, exact: self.exact) {
                    matches = false
                    break
                }
                if matches {
                    result[reference.point].append(PhraseOccurrence(phrase: reference.phrase, range: start..<end))
                }
            }
        }
        for point in result.indices where result[point].count > 1 {
            result[point].sort { a, b in
                if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
                if a.range.count != b.range.count { return a.range.count > b.range.count }
                return a.phrase < b.phrase
            }
        }
        return result
    }
}

extension FidelityScorer {
    /// The phrases whose first word the text word at `position` is a slip of (`TypoTolerance`); none for a word that
    /// is a phrase word itself, a stop word, a number, or too short.
    private func fuzzyStarts(at position: Int, in text: FidelityText) -> [PhraseReference] {
        let token = text.tokens[position]
        let key = text.keys[position]
        let budget = TypoTolerance.budget(for: token)
        guard budget > 0, !self.exact.contains(key), !StopWords.english.contains(token) else { return [] }
        let tokenScalars = Array(token.unicodeScalars)
        let keyScalars = Array(key.unicodeScalars)
        var references: [PhraseReference] = []
        for start in self.fuzzyStarts {
            let limit = min(budget, start.budget)
            if TypoTolerance.within(limit, tokenScalars, start.token) || TypoTolerance.within(limit, keyScalars, start.key) {
                references += start.references
            }
        }
        return references
    }
}

/// A slot phrase's first word that tolerates typos, with the phrases that start with it.
private struct FuzzyStart: Sendable {
    let token: [Unicode.Scalar]
    let key: [Unicode.Scalar]
    let budget: Int
    var references: [PhraseReference] = []

    init(token: String, key: String, budget: Int) {
        self.token = Array(token.unicodeScalars)
        self.key = Array(key.unicodeScalars)
        self.budget = budget
    }
}

/// Where a phrase lives: index of its point and of the phrase within the point.
private struct PhraseReference: Sendable {
    let point: Int
    let phrase: Int
}
