/// The relay-fidelity rules for one key point, applied to its phrase matches in one text.
extension CompiledPoint {
    /// How far (in tokens, same clause) a number may stand from a concept slot match and still be about it.
    static let numberReach = 4

    /// Distorted when a distortion phrase is not negated, a slot match is negated, or a nearby number
    /// changed; else present when every slot matched; else missing. `occurrences` are in text order.
    func status(of occurrences: [PhraseOccurrence], in text: FidelityText) -> PointStatus {
        let negatedBy = self.negations(of: occurrences, in: text)
        var reasons: [DistortionReason] = []
        for (index, occurrence) in occurrences.enumerated() where self.phrases[occurrence.phrase].role == .distortion {
            if negatedBy[index] == nil {
                reasons.append(.distortionPhrase(self.match(occurrence, in: text)))
            }
        }
        for (index, occurrence) in occurrences.enumerated() where self.phrases[occurrence.phrase].role == .slot {
            if let negation = negatedBy[index] {
                reasons.append(.negatedSlot(negation: negation, slot: self.match(occurrence, in: text)))
            }
        }
        reasons += self.changedNumbers(near: occurrences, in: text)
        reasons += self.widenings(of: occurrences, in: text)
        if !reasons.isEmpty {
            return .distorted(reasons: reasons)
        }
        var perSlot = [PhraseMatch?](repeating: nil, count: self.slotCount)
        for occurrence in occurrences where self.phrases[occurrence.phrase].role == .slot {
            let group = self.phrases[occurrence.phrase].group
            if perSlot[group] == nil {
                perSlot[group] = self.match(occurrence, in: text)
            }
        }
        let missing = perSlot.indices.filter { perSlot[$0] == nil }
        if missing.isEmpty {
            return .present(slots: perSlot.compactMap { $0 })
        }
        return .missing(matched: perSlot.compactMap { $0 }, missingSlots: missing)
    }

    /// Which occurrences a negation token governs, keyed by occurrence index, valued by the negation.
    ///
    /// A negation governs the first match starting at most `Negation.reach` tokens after it (a distortion phrase:
    /// `Negation.distortionReach`) in the same negation scope (`FidelityText.scopes`), then a chain of further matches of the same role (slot or distortion), each starting at most
    /// `reach` tokens after the end of the previous one: `not retail SMBs` and `not for retail or small
    /// businesses` rule out both distortions. The chain stops at a match of the other role, so in
    /// `doesn't replace your EDR` the negation is spent on the distortion `replace` and `EDR` stays affirmed.
    /// Matches nested inside the chain's span (`hipaa` inside `hipaa certified`) are skipped.
    private func negations(of occurrences: [PhraseOccurrence], in text: FidelityText) -> [Int: String] {
        var negatedBy: [Int: String] = [:]
        guard !occurrences.isEmpty else { return negatedBy }
        for position in text.negations {
            var anchor = position
            var role: CompiledPhrase.Role?
            for (index, occurrence) in occurrences.enumerated() where occurrence.range.lowerBound > position {
                let start = occurrence.range.lowerBound
                let distance = start - anchor
                if text.scopes[start] != text.scopes[position] || distance > Negation.distortionReach { break }
                let phraseRole = self.phrases[occurrence.phrase].role
                if let role, role != phraseRole {
                    if start <= anchor { continue }
                    break
                }
                if distance > (role == nil && phraseRole == .distortion ? Negation.distortionReach : Negation.reach) {
                    if role == nil { continue }
                    break
                }
                role = phraseRole
                if negatedBy[index] == nil {
                    negatedBy[index] = text.tokens[position]
                }
                anchor = max(anchor, occurrence.range.upperBound - 1)
            }
        }
        return negatedBy
    }

    /// `not just X` / `not only X` before a slot match (within `Negation.reach`, same scope) when the point excludes
    /// everything else: the relay widens it.
    private func widenings(of occurrences: [PhraseOccurrence], in text: FidelityText) -> [DistortionReason] {
        guard self.excludesOthers else { return [] }
        var reasons: [DistortionReason] = []
        for position in text.tokens.indices where Negation.isWidening(at: position, in: text.tokens) {
            let first = occurrences.first { occurrence in
                let start = occurrence.range.lowerBound
                return start > position + 1 && start - (position + 1) <= Negation.reach && text.scopes[start] == text.scopes[position]
            }
            guard let first, self.phrases[first.phrase].role == .slot else { continue }
            reasons.append(.widened(words: text.tokens[position] + " " + text.tokens[position + 1], slot: self.match(first, in: text)))
        }
        return reasons
    }

    /// Numbers within `numberReach` tokens of a slot match (same clause, outside the match) whose unit the point
    /// checks and whose value no known number of that unit has; a unitless checked number compares with every
    /// known number that is not a percent.
    private func changedNumbers(near occurrences: [PhraseOccurrence], in text: FidelityText) -> [DistortionReason] {
        guard !self.checkedUnits.isEmpty else { return [] }
        var reported: Set<Int> = []
        var reasons: [DistortionReason] = []
        for occurrence in occurrences where self.phrases[occurrence.phrase].role == .slot {
            let clause = text.clauses[occurrence.range.lowerBound]
            let lower = max(0, occurrence.range.lowerBound - Self.numberReach)
            let upper = min(text.count, occurrence.range.upperBound + Self.numberReach)
            for position in lower..<upper where !occurrence.range.contains(position) && text.clauses[position] == clause {
                guard !reported.contains(position),
                      let number = FidelityNumber(at: position, tokens: text.tokens, keys: text.keys),
                      self.checkedUnits.contains(number.unit)
                else { continue }
                let comparable = self.knownNumbers.filter { known in
                    number.unit.isEmpty ? known.unit != "%" : known.unit == number.unit
                }
                guard !comparable.contains(where: { $0.value == number.value }) else { continue }
                reported.insert(position)
                var expected: [FidelityNumber] = []
                for known in comparable where !expected.contains(where: { $0.value == known.value }) {
                    expected.append(known)
                }
                reasons.append(.changedNumber(found: number.text, expected: expected.map(\.text), near: self.match(occurrence, in: text)))
            }
        }
        return reasons
    }

    /// The evidence for one occurrence.
    private func match(_ occurrence: PhraseOccurrence, in text: FidelityText) -> PhraseMatch {
        let phrase = self.phrases[occurrence.phrase]
        return PhraseMatch(phrase: phrase.text, group: phrase.group, tokens: Array(text.tokens[occurrence.range]), range: occurrence.range)
    }
}
