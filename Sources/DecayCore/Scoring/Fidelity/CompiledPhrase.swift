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
    let role: Role
    /// Index of the slot or distortion group.
    let group: Int
}

/// One match of a compiled phrase in a scored text.
struct PhraseOccurrence: Sendable {
    /// Index into the key point's compiled phrases.
    let phrase: Int
    /// Token positions in the scored text.
    let range: Range<Int>
}
