/// Which relays a message report lists, worst fidelity first: `limit` of them (nil = all) after skipping `offset`.
///
/// Example: `RelayPage(offset: 20, limit: 20)` is the second page of 20; `RelayPage.all` lists every relay.
public struct RelayPage: Sendable, Equatable {
    public var offset: Int
    /// Nil lists every relay after `offset`.
    public var limit: Int?

    public init(offset: Int = 0, limit: Int?) {
        self.offset = offset
        self.limit = limit
    }

    /// The 20 worst relays, what the report lists when not asked otherwise.
    public static let worst = RelayPage(limit: 20)
    public static let all = RelayPage(limit: nil)

    /// The positions of this page in a list of `count` items (empty past the end).
    func range(count: Int) -> Range<Int> {
        let start = min(max(self.offset, 0), count)
        let end = self.limit.map { min(count, start + max($0, 0)) } ?? count
        return start..<end
    }
}
