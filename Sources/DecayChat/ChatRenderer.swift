import DecayCore

/// Picks the renderer for a format; every renderer is pure, so the same input gives the same bytes.
public enum ChatRenderer {
    /// `transactionID` is used by Matrix only (the delivery id, so retries are idempotent).
    public static func render(_ broadcast: ChatBroadcast, as format: ChatFormat, transactionID: String) -> ChatPayload {
        switch format {
        case .slack: return SlackRenderer.render(broadcast)
        case .teams: return TeamsRenderer.render(broadcast)
        case .discord: return DiscordRenderer.render(broadcast)
        case .mattermost: return MattermostRenderer.render(broadcast)
        case .googlechat: return GoogleChatRenderer.render(broadcast)
        case .matrix: return MatrixRenderer.render(broadcast, transactionID: transactionID)
        case .webhook: return WebhookRenderer.render(broadcast)
        }
    }
}
