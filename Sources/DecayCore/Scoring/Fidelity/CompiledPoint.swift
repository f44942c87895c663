/// A key point ready for scoring: its phrases tokenised and stemmed, its numbers read, once per message.
///
/// Example: the migration-discount point (`"... by 30 June 2027 get 30% off ..."`, slots `["30%", ...]` and
/// `["30 june", ...]`) checks units `%` and `june`, so `15% off` is a changed number and `1 March` is not.
struct CompiledPoint: Sendable {
    let id: String
    let weight: Double
    let slotCount: Int
    /// Concept phrases first (slot order), then distortion phrases; duplicates within a group dropped.
    let phrases: [CompiledPhrase]
    /// Units whose numbers must survive: those of numbers in concept phrases (`"4 hours"` -> `hour`,
    /// `"30%"` -> `%`). A number in a concept phrase without a unit (`"100-2,000"`) takes the unit of the same
    /// value in the point's text (`100-2,000 staff` -> `staff`), else stays unitless. Empty when no concept
    /// phrase holds a number: the point's numbers are then context (a date, a version), not checked.
    let checkedUnits: Set<String>
    /// The numbers a nearby number of a checked unit may equal: those in the point's text and concept phrases.
    let knownNumbers: [FidelityNumber]
    /// Whether the point rules everything else out (its text says `not`, `only` or `exclusively`), so that
    /// `"not just X"` widens it into something wrong.
    let excludesOthers: Bool
    /// Per language code: slots, each a list of phrases as lower-cased tokens (`KeyPoint.localizedConcepts`).
    let localizedSlots: [String: [[[String]]]]

    init(_ keyPoint: KeyPoint) {
        self.id = keyPoint.id
        self.weight = keyPoint.weight
        self.slotCount = keyPoint.concepts.count
        var phrases: [CompiledPhrase] = []
        for (role, groups) in [(CompiledPhrase.Role.slot, keyPoint.concepts), (.distortion, keyPoint.distortions)] {
            for (group, list) in groups.enumerated() {
                var seen: Set<[String]> = []
                for text in list {
                    let phrase = CompiledPhrase(text: text, tokens: FidelityTokens.of(text), role: role, group: group)
                    guard !phrase.keys.isEmpty, seen.insert(phrase.keys).inserted else { continue }
                    phrases.append(phrase)
                }
            }
        }
        self.phrases = phrases
        let textNumbers = FidelityNumber.all(in: keyPoint.text)
        let conceptNumbers = keyPoint.concepts.joined().flatMap(FidelityNumber.all(in:)).map { number in
            guard number.unit.isEmpty,
                  let named = textNumbers.first(where: { $0.value == number.value && !$0.unit.isEmpty && $0.unit != "%" })
            else { return number }
            var adopted = number
            adopted.unit = named.unit
            return adopted
        }
        self.checkedUnits = Set(conceptNumbers.map(\.unit))
        self.knownNumbers = textNumbers + conceptNumbers
        let textTokens = Tokenizer.tokens(keyPoint.text)
        self.excludesOthers = textTokens.indices.contains { Negation.isNegation(at: $0, in: textTokens) }
            || textTokens.contains("only") || textTokens.contains("exclusively")
        self.localizedSlots = keyPoint.localizedConcepts.mapValues { slots in
            slots.map { phrases in phrases.map(FidelityTokens.of).filter { !$0.isEmpty } }
        }
    }
}
