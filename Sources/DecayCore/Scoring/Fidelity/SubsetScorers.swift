/// Fidelity scorers for subsets of one message's key points, each compiled once: a free-text question checks a
/// few points, and compiling (stemming every phrase) costs far more than scoring one answer.
struct SubsetScorers {
    let message: Message
    private var scorers: [[String]: FidelityScorer] = [:]

    init(message: Message) {
        self.message = message
    }

    /// The scorer for the key points with these ids, in the message's order.
    mutating func scorer(for keyPoints: [String]) -> FidelityScorer {
        if let scorer = self.scorers[keyPoints] { return scorer }
        let scorer = FidelityScorer(keyPoints: self.message.keyPoints.filter { keyPoints.contains($0.id) })
        self.scorers[keyPoints] = scorer
        return scorer
    }
}
