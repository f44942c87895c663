/// Counts the people behind each wrong version of a key point, so the digest can name the one spreading most:
/// wrong quiz options by the reps whose latest answer picked them, distortion evidence in free texts by their
/// writers, and in relays by the relays' recipients.
struct DistortionTally {
    private struct Key: Hashable {
        var keyPoint: String
        var text: String
    }

    private var people: [Key: Set<String>] = [:]
    private var recipients: [Key: Int] = [:]
    private var sources: [Key: Set<Digest.Distortion.Source>] = [:]

    /// One person holding a wrong version.
    mutating func add(keyPoint: String, text: String, person: String, source: Digest.Distortion.Source) {
        let key = Key(keyPoint: keyPoint, text: text)
        self.people[key, default: []].insert(person)
        self.sources[key, default: []].insert(source)
    }

    /// A relay that carried a wrong version to `recipients` people.
    mutating func add(keyPoint: String, text: String, recipients: Int) {
        let key = Key(keyPoint: keyPoint, text: text)
        self.recipients[key, default: 0] += recipients
        self.sources[key, default: []].insert(.relay)
    }

    /// The version with the most people; ties go to the key point, then the text, in alphabetical order.
    func top() -> Digest.Distortion? {
        let counted = self.sources.keys.map { key in (key: key, people: (self.people[key]?.count ?? 0) + (self.recipients[key] ?? 0)) }
        let ranked = counted.filter { $0.people > 0 }
        guard let best = ranked.min(by: { ($1.people, $0.key.keyPoint, $0.key.text) < ($0.people, $1.key.keyPoint, $1.key.text) }) else {
            return nil
        }
        let sources = Digest.Distortion.Source.allCases.filter { self.sources[best.key]?.contains($0) == true }
        return Digest.Distortion(keyPoint: best.key.keyPoint, text: best.key.text, people: best.people, sources: sources)
    }

    /// A distorted status's evidence in words: the phrase, the negated slot, the changed number, or the widened slot.
    static func text(_ reason: DistortionReason) -> String {
        switch reason {
        case .distortionPhrase(let match): match.phrase
        case .negatedSlot(let negation, let slot): "\(negation) \(slot.phrase)"
        case .changedNumber(let found, let expected, _): "\(found) instead of \(expected.joined(separator: " or "))"
        case .widened(let words, let slot): "\(words) \(slot.phrase)"
        }
    }
}
