import Foundation

/// Reps still on an old version of a message (``RecheckInput/staleClaims``): due at once, on that key point first,
/// and their message goes before any merely decayed one.
extension RecheckPlanner {
    /// The stale key point first (when it has a question to ask), then the weakest others, at most `limit`.
    static func staleFirst(_ stale: RecheckInput.StaleClaim?, in points: [RecheckPlan.Point], limit: Int) -> [RecheckPlan.Point] {
        guard let stale, let index = points.firstIndex(where: { $0.keyPoint == stale.keyPoint }) else { return Array(points.prefix(limit)) }
        var others = points
        let first = others.remove(at: index)
        return [first] + others.prefix(max(limit - 1, 0))
    }

    /// "still carries the old version (v1) of target-market" when the re-check leads with the stale key point.
    static func staleReason(_ stale: RecheckInput.StaleClaim?, points: [RecheckPlan.Point]) -> String? {
        guard let stale, points.first?.keyPoint == stale.keyPoint else { return nil }
        return "still carries the old version (v\(stale.version)) of \(stale.keyPoint)"
    }

    /// Whether `candidate` is the rep's one re-check rather than `best`: stale first, then the most decayed.
    static func prefers(_ candidate: RecheckPlan.Due, over best: RecheckPlan.Due, stale: [String: [String: RecheckInput.StaleClaim]]) -> Bool {
        let rank = { (due: RecheckPlan.Due) in
            (stale[due.message]?[due.person]?.keyPoint == due.points.first?.keyPoint ? 0 : 1, due.points.first?.recallAtSend ?? 1)
        }
        return rank(candidate) < rank(best)
    }
}
