import DecayCore
import Synchronization

/// Compiled fidelity scorers shared by every ingest, one per message content and key-point subset: compiling
/// (stemming every phrase) costs far more than scoring one answer. Keyed by the points' content, so edited
/// content gets a fresh scorer.
enum FreeTextScorers {
    private static let cache = Mutex<[String: FidelityScorer]>([:])

    /// The scorer for the message's key points with these ids.
    static func scorer(message: Message, keyPoints: [String]) -> FidelityScorer {
        let points = message.keyPoints.filter { keyPoints.contains($0.id) }
        let key = points.map { "\($0.id)\u{0}\($0.concepts)\u{0}\($0.distortions)" }.joined(separator: "\u{1}")
        if let scorer = self.cache.withLock({ $0[key] }) { return scorer }
        let scorer = FidelityScorer(keyPoints: points)
        self.cache.withLock { $0[key] = scorer }
        return scorer
    }
}
