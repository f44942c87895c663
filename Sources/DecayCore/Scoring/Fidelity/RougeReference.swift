/// A ROUGE reference prepared once (tokens as integer ids) so many candidate texts score quickly.
///
/// Matches rouge-score's `RougeScorer(["rouge1", "rougeL"], use_stemmer:)` with `target` = the reference:
/// ROUGE-1 recall = clipped unigram overlap / reference length; ROUGE-L F1 = 2PR/(P+R) with
/// P = LCS/candidate length and R = LCS/reference length; 0 when either side has no tokens.
///
/// Example: reference `"testing one two"`, candidate `"testing one"` gives ROUGE-1 recall 2/3 and ROUGE-L F1 4/5.
struct RougeReference: Sendable {
    private let stem: Bool
    private let vocabulary: [String: Int32]
    private let ids: [Int32]
    private let counts: [Int]

    init(_ reference: String, stem: Bool) {
        var vocabulary: [String: Int32] = [:]
        var ids: [Int32] = []
        var counts: [Int] = []
        for token in RougeTokenizer.tokens(reference, stem: stem) {
            if let id = vocabulary[token] {
                ids.append(id)
                counts[Int(id)] += 1
            } else {
                let id = Int32(counts.count)
                vocabulary[token] = id
                ids.append(id)
                counts.append(1)
            }
        }
        self.stem = stem
        self.vocabulary = vocabulary
        self.ids = ids
        self.counts = counts
    }

    /// ROUGE-1 recall and ROUGE-L F1 of `candidate` against this reference.
    func score(_ candidate: String) -> WordingDrift {
        let tokens = RougeTokenizer.tokens(candidate, stem: self.stem)
        guard !tokens.isEmpty, !self.ids.isEmpty else { return WordingDrift(rouge1Recall: 0, rougeLF1: 0) }
        var known: [Int32] = []
        known.reserveCapacity(tokens.count)
        var candidateCounts = [Int](repeating: 0, count: self.counts.count)
        for token in tokens {
            if let id = self.vocabulary[token] {
                known.append(id)
                candidateCounts[Int(id)] += 1
            }
        }
        var overlap = 0
        for id in self.counts.indices {
            overlap += min(self.counts[id], candidateCounts[id])
        }
        let lcs = Self.lcsLength(self.ids, known)
        let precision = Double(lcs) / Double(tokens.count)
        let recall = Double(lcs) / Double(self.ids.count)
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return WordingDrift(rouge1Recall: Double(overlap) / Double(self.ids.count), rougeLF1: f1)
    }

    /// Length of the longest common subsequence, one row at a time. Candidate tokens absent from the
    /// reference are left out beforehand: they can never be part of a common subsequence.
    static func lcsLength(_ reference: [Int32], _ candidate: [Int32]) -> Int {
        guard !reference.isEmpty, !candidate.isEmpty else { return 0 }
        var previous = [Int32](repeating: 0, count: reference.count + 1)
        var current = previous
        for token in candidate {
            for j in 1...reference.count {
                current[j] = reference[j - 1] == token ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return Int(previous[reference.count])
    }
}
