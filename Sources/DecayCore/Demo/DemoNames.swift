/// Name lists for the demo channel; fictional people and companies.
enum DemoNames {
    static let channelManagers: [(name: String, handle: String, timezone: String, format: ChatFormat)] = [
        ("Anna Keller", "anna.keller", "Europe/Berlin", .slack),
        ("Marcus Reed", "marcus.reed", "America/New_York", .teams),
        ("Priya Nair", "priya.nair", "Asia/Singapore", .googlechat),
    ]

    static let first = [
        "Alex", "Sam", "Jordan", "Maria", "Chen", "Fatima", "Lukas", "Sofia", "Omar", "Hana", "Diego", "Ingrid", "Ravi", "Chloe",
        "Tomasz", "Aisha", "Noah", "Elena", "Kenji", "Zara", "Liam", "Mei", "Pedro", "Nadia", "Oskar", "Leila", "Ben", "Yuki",
    ]
    static let last = [
        "Garcia", "Smith", "Novak", "Okafor", "Larsen", "Tanaka", "Rossi", "Dubois", "Khan", "Murphy", "Silva", "Weber", "Kim",
        "Nowak", "Haddad", "Jensen", "Costa", "Ahmed", "Fischer", "Moreau", "Patel", "Byrne", "Lopez", "Sato",
    ]
    static let prefixes = [
        "Alder", "Bluepeak", "Cedar", "Driftwood", "Ember", "Fjord", "Granite", "Harbor", "Ironwood", "Juniper", "Kestrel",
        "Lakeside", "Meridian", "Northstar", "Oakridge", "Pacifica", "Quarry", "Redwood", "Summit", "Tidewater",
    ]
    static let suffixes = ["IT", "Networks", "Systems", "Managed Services", "Technologies", "Cloud", "Solutions", "Data"]

    static func personName(_ random: inout SeededRandom) -> String {
        "\(random.pick(self.first)) \(random.pick(self.last))"
    }

    /// Unique by index: the prefix cycles and the suffix is drawn.
    static func partnerName(_ index: Int, _ random: inout SeededRandom) -> String {
        let prefix = self.prefixes[(index - 1) % self.prefixes.count]
        let round = (index - 1) / self.prefixes.count
        return "\(prefix) \(random.pick(self.suffixes))" + (round > 0 ? " \(round + 1)" : "")
    }
}
