/// The fidelity of one text against a message's key points: status per point, weighted share present, wording drift.
///
/// Example: points weighted 2, 1 and 1 where the first is distorted and the others present give `fidelity` 0.5;
/// missing and distorted points both count as not present.
public struct FidelityReport: Sendable, Equatable, Codable {
    /// One entry per key point, in the message's order.
    public var points: [PointScore]
    /// Sum of the weights of present points over the sum of the scored points' weights (0...1); nil when no point
    /// could be scored (a language the message gives no concepts for), so such a text is neither good nor bad.
    public var fidelity: Double?
    /// How far the wording moved from the key point texts, independent of meaning.
    public var wordingDrift: WordingDrift

    public init(points: [PointScore], fidelity: Double?, wordingDrift: WordingDrift) {
        self.points = points
        self.fidelity = fidelity
        self.wordingDrift = wordingDrift
    }

    /// The status of one key point by id, nil when the message has no such point.
    public func status(of keyPointID: String) -> PointStatus? {
        self.points.first { $0.keyPointID == keyPointID }?.status
    }
}

/// The status of one key point in a scored text, with the weight it carries in `fidelity`.
public struct PointScore: Sendable, Equatable, Codable {
    public var keyPointID: String
    public var weight: Double
    public var status: PointStatus

    public init(keyPointID: String, weight: Double, status: PointStatus) {
        self.keyPointID = keyPointID
        self.weight = weight
        self.status = status
    }
}

/// Word overlap of a text with the key point texts (the reference), as rouge-score computes it with stemming on.
///
/// Lower values mean the wording drifted further; a faithful paraphrase can score low and still keep every point.
public struct WordingDrift: Sendable, Equatable, Codable {
    /// ROUGE-1 recall: share of reference unigrams (clipped counts) that the text contains.
    public var rouge1Recall: Double
    /// ROUGE-L F1: harmonic mean of LCS/text length and LCS/reference length.
    public var rougeLF1: Double

    public init(rouge1Recall: Double, rougeLF1: Double) {
        self.rouge1Recall = rouge1Recall
        self.rougeLF1 = rougeLF1
    }
}
