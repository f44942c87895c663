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
    /// A negation governs the first match starting at most `Negation.reach` tokens after it in the same
    /// clause, then a chain of further matches of the same role (slot or distortion), each starting at most
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
                if text.clauses[start] != text.clauses[position] || start - anchor > Negation.reach { break }
                let phraseRole = self.phrases[occurrence.phrase].role
                if let role, role != phraseRole {
                    if start <= anchor { continue }
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
