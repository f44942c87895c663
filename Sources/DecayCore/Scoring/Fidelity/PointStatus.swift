/// How one key point survived in a text: present, missing, or distorted (which wins over present).
///
/// Example: `"Vault 3 is not for healthcare"` against the target-market point is
/// `.distorted(reasons: [.negatedSlot(negation: "not", slot: ...)])`.
public enum PointStatus: Sendable, Equatable, Codable {
    /// Every concept slot matched; one match per slot, in slot order.
    case present(slots: [PhraseMatch])
    /// At least one slot has no match and nothing is distorted; `matched` holds the slots that did match.
    case missing(matched: [PhraseMatch], missingSlots: [Int])
    /// The text says something wrong about the point; every reason found, in text order per rule.
    case distorted(reasons: [DistortionReason])
    /// The text is in another language (`"de"`) and the point gives no concept slots for it: neither present nor
    /// missing, and left out of the fidelity share.
    case notScored(language: String)

    /// The status without its evidence, for counting and JSON.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case present, missing, distorted
        case notScored = "not_scored"
    }

    public var kind: Kind {
        switch self {
        case .present: .present
        case .missing: .missing
        case .distorted: .distorted
        case .notScored: .notScored
        }
    }

    /// How a report shows the status: `present`, `missing`, `distorted` or `not scored (language de)`.
    public var label: String {
        if case .notScored(let language) = self { return "not scored (language \(language))" }
        return self.kind.rawValue
    }
}

/// Why a key point counts as distorted, with the matched text as evidence.
public enum DistortionReason: Sendable, Equatable, Codable {
    /// A distortion phrase occurs and no negation rules it out (`"great for small retail shops"`).
    case distortionPhrase(PhraseMatch)
    /// A negation token stands at most 3 tokens before a concept slot match (`"not for healthcare"`).
    case negatedSlot(negation: String, slot: PhraseMatch)
    /// A number at most 4 tokens from a concept slot match counts a unit the point's concept phrases use
    /// but has another value (`"15%"` when the point says `"30%"`, `"24 hours"` for `"4 hours"`);
    /// `expected` lists the point's values for that unit.
    case changedNumber(found: String, expected: [String], near: PhraseMatch)
    /// `not just` / `not only` before a concept slot match widens a point that excludes everything else (its text
    /// says `not` or `only`): `"not just healthcare"` against "built for healthcare, not retail".
    case widened(words: String, slot: PhraseMatch)
}
