/// The small Markdown subset message bodies use (headings, paragraphs, `-` lists, `**bold**`),
/// parsed once so each platform can redraw it in its own markup.
enum MarkdownBlock: Equatable {
    case heading(String)
    case paragraph(String)
    case bullet(String)
}

/// Parsing and inline rewriting for `MarkdownBlock`s.
enum MarkdownBlocks {
    /// Splits text into blocks; wrapped lines join their block with a space, blank lines end it.
    static func parse(_ text: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var current: MarkdownBlock?
        func finish() {
            if let block = current { blocks.append(block) }
            current = nil
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: " \t\r")
            if line.isEmpty {
                finish()
            } else if let heading = self.headingText(line) {
                finish()
                blocks.append(.heading(heading))
            } else if let item = self.bulletText(line) {
                finish()
                current = .bullet(item)
            } else {
                switch current {
                case .bullet(let text): current = .bullet(text + " " + line)
                case .paragraph(let text): current = .paragraph(text + " " + line)
                case .heading, nil: current = .paragraph(line)
                }
            }
        }
        finish()
        return blocks
    }

    /// Rewrites `**bold**` pairs with the given markers and escapes every other character run;
    /// an unpaired `**` (say, after a cut) stays as literal text.
    static func inline(_ text: String, open: String, close: String, escape: (String) -> String) -> String {
        let parts = text.components(separatedBy: "**")
        var result = ""
        for (offset, part) in parts.enumerated() {
            let isBold = offset % 2 == 1
            let isPaired = offset < parts.count - 1 || parts.count % 2 == 1
            if isBold && isPaired {
                result += open + escape(part) + close
            } else {
                result += (isBold ? escape("**") : "") + escape(part)
            }
        }
        return result
    }

    private static func headingText(_ line: String) -> String? {
        let hashes = line.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
        return line.dropFirst(hashes.count + 1).trimmingCharacters(in: " ")
    }

    private static func bulletText(_ line: String) -> String? {
        guard let first = line.first, "-*+".contains(first), line.dropFirst().first == " " else { return nil }
        return String(line.dropFirst(2))
    }
}

extension StringProtocol {
    /// Trims only the given characters from both ends, avoiding a Foundation CharacterSet for simple cases.
    func trimmingCharacters(in characters: String) -> String {
        var start = self.startIndex
        var end = self.endIndex
        while start < end, characters.contains(self[start]) { start = self.index(after: start) }
        while end > start, characters.contains(self[self.index(before: end)]) { end = self.index(before: end) }
        return String(self[start..<end])
    }
}
