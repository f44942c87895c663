/// Trimming without Foundation's `CharacterSet`, which bridges through `NSString` and showed up on the ingest path.
extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    public var trimmingWhitespace: SubSequence {
        guard let first = self.firstIndex(where: { !$0.isWhitespace }) else { return self[self.endIndex...] }
        let last = self.lastIndex(where: { !$0.isWhitespace })!
        return self[first...last]
    }

    /// True when the text is empty or only whitespace.
    public var isBlank: Bool { self.allSatisfy(\.isWhitespace) }
}
