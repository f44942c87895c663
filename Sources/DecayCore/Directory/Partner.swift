/// A reseller, MSP or distributor that sells the vendor's products.
public struct Partner: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var category: String
    public var tier: String
    public var region: String
    /// Person id of the vendor channel manager who owns this partner.
    public var manager: String?
    /// Where broadcasts for this partner's reps are posted.
    public var chat: ChatDestination?

    public init(
        id: String, name: String, category: String = "", tier: String = "", region: String = "",
        manager: String? = nil, chat: ChatDestination? = nil
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.tier = tier
        self.region = region
        self.manager = manager
        self.chat = chat
    }
}

/// A chat webhook: which format to render and where to post it.
public struct ChatDestination: Sendable, Equatable, Hashable, Codable {
    public var format: ChatFormat
    public var url: String

    public init(format: ChatFormat, url: String) {
        self.format = format
        self.url = url
    }
}

/// The outbound chat payload formats MessageDecay renders.
public enum ChatFormat: String, Sendable, Codable, CaseIterable {
    case slack
    case teams
    case discord
    case mattermost
    case googlechat
    case matrix
    case webhook
}
