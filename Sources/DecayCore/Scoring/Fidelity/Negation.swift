/// Tokens that negate what follows them, for the "negation near a slot" rule of relay fidelity.
///
/// Example: `Negation.isNegation(at: 1, in: ["is", "not", "for"])` is true; `"no"` in `"at no cost"` is not.
enum Negation {
    /// How many tokens before a phrase a negation may stand (`not` `for` `the` `clinic`: 3).
    static let reach = 3

    /// not, no, never, without, nor, cannot, any `n't` form (`don't`, `isn't`, `won't`, `can't`, ...),
    /// and the same forms typed without an apostrophe, as chat messages often are.
    static func isNegation(at index: Int, in tokens: [String]) -> Bool {
        let token = tokens[index]
        if token == "no", index + 1 < tokens.count, Self.quantifiedNouns.contains(tokens[index + 1]) {
            return false
        }
        return Self.words.contains(token) || token.hasSuffix("n't")
    }

    private static let words: Set<String> = [
        "not", "no", "never", "without", "nor", "cannot",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "wouldnt",
        "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt",
    ]

    /// `no` before these says "free" or "certainly", not that a claim is false (`at no cost`, `no doubt`).
    private static let quantifiedNouns: Set<String> = ["cost", "charge", "extra", "additional", "doubt", "matter"]
}
