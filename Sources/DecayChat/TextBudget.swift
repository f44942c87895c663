/// Cuts text to a limit at a clean boundary, so no payload ever exceeds a platform limit.
/// Limits are checked on the rendered form through `measure`, so escaping and markup are counted.
enum TextBudget {
    /// The last line of any cut body: readers know there is more, and where to find it.
    static let notice = "More in the dashboard"

    /// Characters as platforms count them at worst: UTF-16 units are never fewer than characters or code points.
    static func units(_ text: String) -> Int {
        text.utf16.count
    }

    /// Bytes of UTF-8, for limits stated in bytes or kilobytes.
    static func bytes(_ text: String) -> Int {
        text.utf8.count
    }

    /// Returns `text` when it fits; otherwise the longest clean prefix plus a final "More in the dashboard" line.
    /// Boundaries are tried paragraph, line, sentence, word, then character; a coarser boundary wins when
    /// it keeps at least half of what the next finer one would.
    static func cut(_ text: String, limit: Int, measure: (String) -> Int = TextBudget.units) -> String {
        if measure(text) <= limit { return text }
        let withNotice = { (prefix: Substring) -> String in
            let kept = prefix.trimmingTrailingWhitespace()
            return kept.isEmpty ? self.notice : kept + "\n\n" + self.notice
        }
        if measure(self.notice) > limit { return "" }
        var found: [(String.Index, Int)] = []
        for level in Boundary.allCases.reversed() {
            let candidates = level.candidates(in: text)
            if let end = self.longest(candidates, in: text, fits: { measure(withNotice(text[..<$0])) <= limit }) {
                found.append((end, text.distance(from: text.startIndex, to: end)))
            }
        }
        let most = found.map(\.1).max() ?? 0
        guard let chosen = found.first(where: { $0.1 * 2 >= most }) else { return self.notice }
        return withNotice(text[..<chosen.0])
    }

    /// Shortens a label to the limit at a word boundary with a trailing ellipsis, for titles and button texts.
    static func clip(_ text: String, limit: Int, measure: (String) -> Int = TextBudget.units) -> String {
        if measure(text) <= limit { return text }
        let withEllipsis = { (prefix: Substring) -> String in prefix.trimmingTrailingWhitespace() + "…" }
        let words = Boundary.word.candidates(in: text)
        if let end = self.longest(words, in: text, fits: { measure(withEllipsis(text[..<$0])) <= limit }),
            text.distance(from: text.startIndex, to: end) * 2 >= limit
        {
            return withEllipsis(text[..<end])
        }
        let characters = Boundary.character.candidates(in: text)
        if let end = self.longest(characters, in: text, fits: { measure(withEllipsis(text[..<$0])) <= limit }) {
            return withEllipsis(text[..<end])
        }
        return ""
    }

    /// Binary search for the last candidate that fits, then steps back until one truly does,
    /// since markup can make the rendered size move slightly against the prefix length.
    private static func longest(_ candidates: [String.Index], in text: String, fits: (String.Index) -> Bool) -> String.Index? {
        var low = 0
        var high = candidates.count - 1
        var found: Int?
        while low <= high {
            let middle = (low + high) / 2
            if fits(candidates[middle]) {
                found = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        guard var index = found else { return nil }
        while index >= 0 {
            if fits(candidates[index]) { return candidates[index] }
            index -= 1
        }
        return nil
    }

    /// Where a cut may fall, from the cleanest to the roughest.
    enum Boundary: CaseIterable {
        case character
        case word
        case sentence
        case line
        case paragraph

        /// Ends of prefixes that stop at this kind of boundary, in increasing order, excluding the empty prefix.
        func candidates(in text: String) -> [String.Index] {
            var result: [String.Index] = []
            var previous: Character?
            var index = text.startIndex
            while index < text.endIndex {
                let character = text[index]
                let next = text.index(after: index)
                switch self {
                case .character:
                    result.append(next)
                case .word:
                    if character.isWhitespace, let previous, !previous.isWhitespace { result.append(index) }
                case .sentence:
                    if character.isWhitespace, let previous, ".!?".contains(previous) { result.append(index) }
                case .line:
                    if character.isNewline, let previous, !previous.isNewline { result.append(index) }
                case .paragraph:
                    if character.isNewline, next < text.endIndex, text[next].isNewline, let previous, !previous.isNewline {
                        result.append(index)
                    }
                }
                previous = character
                index = next
            }
            return result
        }
    }
}

extension Substring {
    /// The text without trailing spaces and newlines, as a String.
    func trimmingTrailingWhitespace() -> String {
        var end = self.endIndex
        while end > self.startIndex, self[self.index(before: end)].isWhitespace {
            end = self.index(before: end)
        }
        return String(self[..<end])
    }
}
