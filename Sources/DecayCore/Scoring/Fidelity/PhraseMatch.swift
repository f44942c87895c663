/// One occurrence of a key point phrase (concept synonym or distortion) in a scored text: the evidence behind a status.
///
/// Example: the slot phrase `"100-2,000"` matching `"for 100–2,000 staff"` gives
/// `PhraseMatch(phrase: "100-2,000", group: 1, tokens: ["100", "2000"], range: 1..<3)`.
public struct PhraseMatch: Sendable, Equatable, Codable {
    /// The phrase as written in the message file.
    public var phrase: String
    /// Index of the concept slot (or distortion group) the phrase belongs to, in file order.
    public var group: Int
    /// The matched text tokens, normalised by `Tokenizer` but not stemmed.
    public var tokens: [String]
    /// Token positions in the scored text, for highlighting.
    public var range: Range<Int>

    public init(phrase: String, group: Int, tokens: [String], range: Range<Int>) {
        self.phrase = phrase
        self.group = group
        self.tokens = tokens
        self.range = range
    }
}
