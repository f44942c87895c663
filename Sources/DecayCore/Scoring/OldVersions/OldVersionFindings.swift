/// Everything a digest needs about a message's older versions, found once per message and cut-off: the claims,
/// the quiz options right under an older version, and everyone across the channel still on one.
public struct OldVersionFindings: Sendable {
    public var claims: OldVersionClaims
    /// By `survey/question`, then option id, to the version under which the option was right.
    public var oldOptions: [String: [String: Int]]
    public var holders: [OldVersionHolder]

    /// Nil when no older version changed a key point of `message`.
    public init?(message: Message, surveys: [Survey], evidence: OldVersionEvidence?) {
        guard let evidence else { return nil }
        let claims = OldVersionClaims(current: message, previous: evidence.previous)
        guard !claims.isEmpty else { return nil }
        self.claims = claims
        self.oldOptions = claims.oldOptions(surveys)
        self.holders = claims.holders(evidence, surveys: surveys, keyPointOrder: message.keyPoints.map(\.id))
    }
}
