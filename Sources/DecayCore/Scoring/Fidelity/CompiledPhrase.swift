/// A concept synonym or distortion phrase of one key point, tokenised and stemmed once.
///
/// Example: `"100-2,000"` in slot 1 has keys `["100", "2000"]`; `"care provider"` has `["care", "provid"]`.
struct CompiledPhrase: Sendable {
    /// Whether a match helps the point (a concept slot) or means it decayed (a distortion group).
    enum Role: Sendable, Equatable {
        case slot
        case distortion
    }

    /// The phrase as written in the message file.
    let text: String
    /// Match keys (`FidelityText.key`) that must occur contiguously in the scored text.
    let keys: [String]
    /// The normalised tokens behind `keys`, for typo matching.
    let tokens: [String]
    /// Edits a misspelt text token may be from each token (`TypoTolerance`); all 0 for distortions.
    let budgets: [Int]
    let role: Role
    /// Index of the slot or distortion group.
    let group: Int

    init(text: String, tokens: [String], role: Role, group: Int) {
        self.text = text
        self.tokens = tokens
        self.keys = tokens.map(FidelityText.key)
        self.budgets = role == .slot ? tokens.map(TypoTolerance.budget(for:)) : tokens.map { _ in 0 }
        self.role = role
        self.group = group
    }

    /// Whether the text token at `position` matches this phrase's token `offset`: same key, or a slot word
    /// misspelt within the budget of both words, so a short common word (`reach`) is never a slip of a longer
    /// one (`breach`); compared as written and as stemmed. `exact` holds the keys of every phrase
    /// of the scorer: a text word that is itself a phrase word is never read as a slip of another.
    func matches(_ offset: Int, at position: Int, in text: FidelityText, exact: Set<String>) -> Bool {
        let key = text.keys[position]
        if key == self.keys[offset] { return true }
        guard self.budgets[offset] > 0, !exact.contains(key), !Tokenizer.isNumber(key) else { return false }
        let token = text.tokens[position]
        let budget = min(self.budgets[offset], TypoTolerance.budget(for: token))
        guard budget > 0 else { return false }
        return TypoTolerance.within(budget, token, self.tokens[offset]) || TypoTolerance.within(budget, key, self.keys[offset])
    }
}

/// One match of a compiled phrase in a scored text.
struct PhraseOccurrence: Sendable {
    /// Index into the key point's compiled phrases.
    let phrase: Int
    /// Token positions in the scored text.
    let range: Range<Int>
}
