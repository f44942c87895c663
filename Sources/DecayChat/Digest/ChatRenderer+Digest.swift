import DecayCore

extension ChatRenderer {
    /// The weekly digest in one format; `transactionID` is used by Matrix only (keep it stable across retries,
    /// e.g. the outbox idempotency key `digest:<manager>:<week>`).
    public static func render(_ digest: Digest, as format: ChatFormat, transactionID: String) -> ChatPayload {
        switch format {
        case .slack: SlackDigestRenderer.render(digest)
        case .teams: TeamsDigestRenderer.render(digest)
        case .discord: DiscordDigestRenderer.render(digest)
        case .mattermost: MattermostDigestRenderer.render(digest)
        case .googlechat: GoogleChatDigestRenderer.render(digest)
        case .matrix: MatrixDigestRenderer.render(digest, transactionID: transactionID)
        case .webhook: WebhookDigestRenderer.render(digest)
        }
    }
}
