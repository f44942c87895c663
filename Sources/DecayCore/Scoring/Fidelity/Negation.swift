/// Tokens that negate what follows them, for the "negation near a slot" rule of relay fidelity, and the
/// `not just` / `not only` forms that widen a claim instead of negating it.
///
/// Example: `Negation.isNegation(at: 1, in: ["is", "not", "for"])` is true; `"no"` in `"at no cost"`, `"don't"` in
/// `"don't forget"` and `"not"` in `"not just"` are not.
enum Negation {
    /// How many tokens before a concept slot match a negation may stand (`not` `for` `the` `clinic`: 3).
    static let reach = 3
    /// How many tokens before a distortion phrase a negation may stand, so `"don't pitch it to retail"` (4) and
    /// `"we no longer sell it to retail"` rule retail out. Ruling a distortion out is safe to read widely;
    /// negating a slot makes the point distorted, so slots keep the narrow `reach`.
    static let distortionReach = 6

    /// not, no, never, without, nor, cannot, any `n't` form (`don't`, `isn't`, `won't`, `can't`, ...),
    /// and the same forms typed without an apostrophe, as chat messages often are; not when the next word
    /// makes it a set phrase (`no cost`, `don't forget`, `no wonder`) or a widening (`not just`).
    static func isNegation(at index: Int, in tokens: [String]) -> Bool {
        guard self.isNegationWord(tokens[index]) else { return false }
        guard index + 1 < tokens.count else { return true }
        let next = tokens[index + 1]
        if tokens[index] == "no", self.quantifiedNouns.contains(next) { return false }
        return !self.setPhraseWords.contains(next) && !self.wideningWords.contains(next)
    }

    /// `not just`, `not only`, `not merely`, `not limited to` (any negation word before them): the claim is
    /// wider than what follows, so a point that excludes everything else is distorted.
    static func isWidening(at index: Int, in tokens: [String]) -> Bool {
        index + 1 < tokens.count && self.isNegationWord(tokens[index]) && self.wideningWords.contains(tokens[index + 1])
    }

    private static func isNegationWord(_ token: String) -> Bool {
        self.words.contains(token) || token.hasSuffix("n't")
    }

    private static let words: Set<String> = [
        "not", "no", "never", "without", "nor", "cannot",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "wouldnt",
        "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt",
    ]

    /// `no` before these says "free" or "certainly", not that a claim is false (`at no cost`, `no doubt`).
    private static let quantifiedNouns: Set<String> = ["cost", "charge", "extra", "additional", "doubt", "matter"]

    /// After a negation these make a set phrase that affirms what follows (`don't forget`, `no wonder`).
    private static let setPhraseWords: Set<String> = ["forget", "miss", "hesitate", "wonder", "problem", "worry"]

    /// After a negation these widen the claim (`not just`, `not only`, `not limited to`).
    private static let wideningWords: Set<String> = ["just", "only", "merely", "simply", "solely", "exclusively", "limited"]
}
