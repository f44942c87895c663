/// Scoring a key point on a relay written in another language (`FidelityText.language` is not `"en"`).
extension CompiledPoint {
    /// Present when every slot the point gives for that language has a phrase whose lower-cased tokens occur
    /// contiguously in one clause, else missing; `notScored` when the point has no slots for the language.
    /// Distortions, negations and numbers are checked in English only.
    func localizedStatus(in text: FidelityText) -> PointStatus {
        guard let slots = self.localizedSlots[text.language] else { return .notScored(language: text.language) }
        var matched: [PhraseMatch] = []
        var missing: [Int] = []
        for (group, phrases) in slots.enumerated() {
            if let match = Self.firstMatch(phrases, group: group, in: text) {
                matched.append(match)
            } else {
                missing.append(group)
            }
        }
        return missing.isEmpty ? .present(slots: matched) : .missing(matched: matched, missingSlots: missing)
    }

    private static func firstMatch(_ phrases: [[String]], group: Int, in text: FidelityText) -> PhraseMatch? {
        for start in text.tokens.indices {
            for phrase in phrases where start + phrase.count <= text.count {
                let range = start..<(start + phrase.count)
                guard text.clauses[range.upperBound - 1] == text.clauses[start], Array(text.tokens[range]) == phrase else { continue }
                return PhraseMatch(phrase: phrase.joined(separator: " "), group: group, tokens: phrase, range: range)
            }
        }
        return nil
    }
}
