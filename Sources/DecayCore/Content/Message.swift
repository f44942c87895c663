/// A vendor message as shipped in `messages/<id>.md`: the broadcast text plus the key points that must survive.
public struct Message: Sendable, Equatable, Codable {
    public var id: String
    public var version: Int
    public var title: String
    public var audience: Audience
    public var keyPoints: [KeyPoint]
    /// Markdown body, broadcast as is.
    public var body: String
    /// How re-checks run; nil when the message says `recheck: off`.
    public var recheck: RecheckPolicy?

    public init(
        id: String, version: Int, title: String, audience: Audience = Audience(), keyPoints: [KeyPoint], body: String,
        recheck: RecheckPolicy? = .standard
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.audience = audience
        self.keyPoints = keyPoints
        self.body = body
        self.recheck = recheck
    }

    public func keyPoint(_ id: String) -> KeyPoint? {
        self.keyPoints.first { $0.id == id }
    }
}

/// One fact that must survive relaying: matched in free text by its concept slots.
public struct KeyPoint: Sendable, Equatable, Codable {
    public var id: String
    public var text: String
    /// Relative importance in fidelity scores; positive, default 1.
    public var weight: Double
    /// Every slot must match (any of its synonyms) for the point to count as present.
    public var concepts: [[String]]
    /// Phrase groups whose presence means the point decayed into something wrong.
    public var distortions: [[String]]
    /// Concept slots for relays in other languages, by language code (`"de"`), one list of synonyms per English slot,
    /// matched on lower-cased tokens. A point without slots for a relay's language is not scored on it.
    public var localizedConcepts: [String: [[String]]]

    public init(
        id: String, text: String, weight: Double = 1, concepts: [[String]], distortions: [[String]] = [],
        localizedConcepts: [String: [[String]]] = [:]
    ) {
        self.id = id
        self.text = text
        self.weight = weight
        self.concepts = concepts
        self.distortions = distortions
        self.localizedConcepts = localizedConcepts
    }
}

/// Who a message is for; an empty list means no restriction on that attribute.
public struct Audience: Sendable, Equatable, Codable {
    public var categories: [String]
    public var tiers: [String]
    public var regions: [String]

    public init(categories: [String] = [], tiers: [String] = [], regions: [String] = []) {
        self.categories = categories
        self.tiers = tiers
        self.regions = regions
    }

    public var isEveryone: Bool {
        self.categories.isEmpty && self.tiers.isEmpty && self.regions.isEmpty
    }

    /// True when a partner with these attributes is in the audience.
    public func includes(category: String, tier: String, region: String) -> Bool {
        (self.categories.isEmpty || self.categories.contains(category))
            && (self.tiers.isEmpty || self.tiers.contains(tier))
            && (self.regions.isEmpty || self.regions.contains(region))
    }
}
