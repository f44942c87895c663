/// Who a broadcast reaches, written `category:msp,tier:gold` or `partner:p-001,partner:p-002`: terms with the
/// same key are alternatives, different keys must all match. Empty = every partner.
public struct AudienceSpec: Sendable, Equatable, Codable, CustomStringConvertible {
    public static let keys = ["category", "tier", "region", "partner"]

    public var categories: Set<String> = []
    public var tiers: Set<String> = []
    public var regions: Set<String> = []
    public var partners: Set<String> = []

    public init(categories: Set<String> = [], tiers: Set<String> = [], regions: Set<String> = [], partners: Set<String> = []) {
        self.categories = categories
        self.tiers = tiers
        self.regions = regions
        self.partners = partners
    }

    /// A message's own audience from its front matter.
    public init(_ audience: Audience) {
        self.init(categories: Set(audience.categories), tiers: Set(audience.tiers), regions: Set(audience.regions))
    }

    public static func parse(_ text: String) throws(AudienceSpecError) -> AudienceSpec {
        var spec = AudienceSpec()
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let term = raw.trimmingCharacters(in: .whitespaces)
            let parts = term.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw AudienceSpecError(term: term, message: "expected key:value with key one of \(Self.keys.joined(separator: ", ")), e.g. category:msp")
            }
            let value = parts[1]
            switch parts[0].lowercased() {
            case "category": spec.categories.insert(value)
            case "tier": spec.tiers.insert(value)
            case "region": spec.regions.insert(value)
            case "partner": spec.partners.insert(value)
            default:
                throw AudienceSpecError(term: term, message: "unknown key '\(parts[0])'; expected one of \(Self.keys.joined(separator: ", "))")
            }
        }
        return spec
    }

    public func includes(_ partner: Partner) -> Bool {
        (self.categories.isEmpty || self.categories.contains(partner.category))
            && (self.tiers.isEmpty || self.tiers.contains(partner.tier))
            && (self.regions.isEmpty || self.regions.contains(partner.region))
            && (self.partners.isEmpty || self.partners.contains(partner.id))
    }

    public var isEveryone: Bool {
        self.categories.isEmpty && self.tiers.isEmpty && self.regions.isEmpty && self.partners.isEmpty
    }

    /// The canonical text form, keys in a fixed order and values sorted, as stored with the broadcast.
    public var description: String {
        if self.isEveryone { return "everyone" }
        let groups: [(String, Set<String>)] = [("category", self.categories), ("tier", self.tiers), ("region", self.regions), ("partner", self.partners)]
        return groups.flatMap { key, values in values.sorted().map { "\(key):\($0)" } }.joined(separator: ",")
    }
}

/// An audience term that does not parse, with what was expected.
public struct AudienceSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var term: String
    public var message: String

    public var description: String { "audience term '\(self.term)': \(self.message)" }
}
