/// How one markup draws outline items: bold, escaping, bullets and breaks. `sectionText` keeps whole items
/// while they fit a limit and ends a cut list with "…and N more … in the dashboard".
struct DigestLayout: Sendable {
    var boldOpen: String
    var boldClose: String
    var escape: @Sendable (String) -> String
    /// Before an item's head line, and before each of its detail lines.
    var headPrefix: String
    var detailPrefix: String
    /// After an item's last line (an HTML list item closes here).
    var itemSuffix: String = ""
    /// Between the lines of one item, and between items.
    var lineBreak: String
    var itemBreak: String
    /// Around a section's items (an HTML list).
    var listOpen: String = ""
    var listClose: String = ""

    /// Slack mrkdwn: `*bold*`, `&<>` escaped, drawn bullets (mrkdwn has no lists).
    static let slack = DigestLayout(
        boldOpen: "*", boldClose: "*", escape: ChatEscaping.slackMrkdwn, headPrefix: "• ", detailPrefix: "      ◦ ", lineBreak: "\n",
        itemBreak: "\n")

    /// CommonMark with nested lists (Discord, where `allowed_mentions` stops pings).
    static let markdown = DigestLayout(
        boldOpen: "**", boldClose: "**", escape: ChatEscaping.markdown, headPrefix: "- ", detailPrefix: "  - ", lineBreak: "\n",
        itemBreak: "\n")

    /// Mattermost: the same Markdown with `&<>` as entities and `@` defused, so a name like `@channel` or
    /// `<!here>` never notifies.
    static let mattermost: DigestLayout = {
        var layout = DigestLayout.markdown
        layout.escape = ChatEscaping.mattermost
        return layout
    }()

    /// Adaptive Card TextBlock: Markdown where a line break needs a blank line, and no nested lists.
    static let teams = DigestLayout(
        boldOpen: "**", boldClose: "**", escape: ChatEscaping.markdown, headPrefix: "• ", detailPrefix: "◦ ", lineBreak: "\n\n",
        itemBreak: "\n\n")

    /// Google Chat text paragraph: `<b>` and `<br>` only.
    static let googleChat = DigestLayout(
        boldOpen: "<b>", boldClose: "</b>", escape: ChatEscaping.htmlText, headPrefix: "• ", detailPrefix: "◦ ", lineBreak: "<br>",
        itemBreak: "<br>")

    /// Matrix `formatted_body`: one `<li>` per item, details after `<br>`.
    static let matrixHTML = DigestLayout(
        boldOpen: "<strong>", boldClose: "</strong>", escape: ChatEscaping.matrixHTML, headPrefix: "<li>",
        detailPrefix: "", itemSuffix: "</li>", lineBreak: "<br>", itemBreak: "", listOpen: "<ul>", listClose: "</ul>")

    /// Matrix `body`: plain text, `@` defused so `@room` in a name never notifies the room.
    static let plain = DigestLayout(
        boldOpen: "", boldClose: "", escape: ChatEscaping.mentions, headPrefix: "- ", detailPrefix: "    ", lineBreak: "\n", itemBreak: "\n")

    /// Bold spans whose escaped text holds the bold marker itself (a `*` in a Slack name) are left plain,
    /// since mrkdwn cannot escape it and the marker would end the bold early.
    func line(_ line: DigestOutline.Line) -> String {
        line.spans.map { span in
            let text = self.escape(span.text)
            return span.bold && !text.contains(self.boldClose) ? self.boldOpen + text + self.boldClose : text
        }.joined()
    }

    func item(_ item: DigestOutline.Item) -> String {
        var text = self.headPrefix + self.line(item.head)
        for detail in item.details {
            text += self.lineBreak + self.detailPrefix + self.line(detail)
        }
        return text + self.itemSuffix
    }

    /// A section title as a bold line.
    func title(_ text: String) -> String {
        self.boldOpen + self.escape(text) + self.boldClose
    }

    /// The section's items in up to `maxChunks` texts of at most `limit` (by `measure`), the first starting with
    /// `prefix`: at most `cap` whole items in order, and a last "…and N more" item when any is left out.
    func chunks(
        _ section: DigestOutline.Section, cap: Int, limit: Int, maxChunks: Int = 1, prefix: String = "", measure: (String) -> Int
    ) -> [String] {
        func fits(_ items: [String], _ index: Int) -> Bool {
            measure(self.join(items, prefix: index == 0 ? prefix : "")) <= limit
        }
        var chunks: [[String]] = [[]]
        for item in section.items.prefix(max(cap, 0)).map(self.item) {
            let last = chunks.count - 1
            if fits(chunks[last] + [item], last) {
                chunks[last].append(item)
            } else if chunks.count < maxChunks, fits([item], last + 1) {
                chunks.append([item])
            } else {
                break
            }
        }
        var kept = chunks.reduce(0) { $0 + $1.count }
        if kept < section.items.count {
            let last = chunks.count - 1
            while !chunks[last].isEmpty, !fits(chunks[last] + [self.more(section.items.count - kept, section.noun)], last) {
                chunks[last].removeLast()
                kept -= 1
            }
            chunks[last].append(self.more(section.items.count - kept, section.noun))
        }
        return chunks.enumerated().map { index, items in self.join(items, prefix: index == 0 ? prefix : "") }
    }

    private func more(_ count: Int, _ noun: String) -> String {
        self.item(DigestOutline.Item(DigestOutline.more(count, noun)))
    }

    private func join(_ items: [String], prefix: String) -> String {
        prefix + self.listOpen + items.joined(separator: self.itemBreak) + self.listClose
    }
}
