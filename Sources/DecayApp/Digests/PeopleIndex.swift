import DecayCore

/// Positions of a list's items by the person each belongs to, so a digest takes only its scope's items from a
/// channel-wide list, in their original order, without scanning the whole list.
struct PeopleIndex: Sendable {
    private let positions: [String: [Int]]

    init<Item>(_ items: [Item], person: (Item) -> String) {
        var positions: [String: [Int]] = [:]
        for (index, item) in items.enumerated() { positions[person(item), default: []].append(index) }
        self.positions = positions
    }

    /// The items of `people`, in the order they have in `items`.
    func select<Item>(_ items: [Item], people: Set<String>) -> [Item] {
        people.flatMap { self.positions[$0] ?? [] }.sorted().map { items[$0] }
    }
}

/// A channel-wide message report input with its items indexed by person.
struct IndexedMessageInput: Sendable {
    let input: MessageReportInput
    private let answers: PeopleIndex
    private let freeTexts: PeopleIndex
    private let relays: PeopleIndex
    /// Who across the channel is still on an older version: found once, shared by every digest of the cut-off.
    let oldVersions: OldVersionFindings?

    init(_ input: MessageReportInput, message: Message, surveys: [Survey]) {
        self.input = input
        self.oldVersions = OldVersionFindings(message: message, surveys: surveys, evidence: input.oldVersions)
        self.answers = PeopleIndex(input.answers, person: \.personID)
        self.freeTexts = PeopleIndex(input.freeTexts, person: \.person)
        self.relays = PeopleIndex(input.relays, person: \.from)
    }

    /// The input narrowed to a digest's scope: its reps' answers and free texts and its relayers' relays. The digest
    /// builder narrows by the same rule, so the result is the same, at the cost of the scope instead of the channel.
    func slice(for scope: DigestScope) -> MessageReportInput {
        var sliced = self.input
        sliced.answers = self.answers.select(self.input.answers, people: scope.reps)
        sliced.freeTexts = self.freeTexts.select(self.input.freeTexts, people: scope.reps)
        sliced.relays = self.relays.select(self.input.relays, people: scope.relayers)
        sliced.oldVersions = nil  // found once in `oldVersions`, not again per digest
        return sliced
    }
}
