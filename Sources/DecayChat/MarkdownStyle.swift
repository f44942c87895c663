/// Redraws parsed Markdown in one platform's markup; each style escapes content as that markup needs.
struct MarkdownStyle: Sendable {
    var boldOpen: String
    var boldClose: String
    var headingOpen: String
    var headingClose: String
    var bulletPrefix: String
    var bulletSuffix: String
    var paragraphOpen: String
    var paragraphClose: String
    /// Put between blocks; consecutive bullets use `lineBreak` instead.
    var blockBreak: String
    var lineBreak: String
    var listOpen: String
    var listClose: String
    var escape: @Sendable (String) -> String

    /// Slack mrkdwn: `*bold*`, bullets drawn with "•", and `&<>` escaped.
    static let slack = MarkdownStyle(
        boldOpen: "*", boldClose: "*", headingOpen: "*", headingClose: "*", bulletPrefix: "• ", bulletSuffix: "",
        paragraphOpen: "", paragraphClose: "", blockBreak: "\n\n", lineBreak: "\n", listOpen: "", listClose: "",
        escape: ChatEscaping.slackMrkdwn
    )

    /// CommonMark-like platforms (Teams TextBlock, Discord), neither of which renders raw HTML: content is
    /// backslash-escaped, so `[text](url)` from content stays text rather than a link whose target is hidden.
    static let markdown = MarkdownStyle(
        boldOpen: "**", boldClose: "**", headingOpen: "**", headingClose: "**", bulletPrefix: "- ", bulletSuffix: "",
        paragraphOpen: "", paragraphClose: "", blockBreak: "\n\n", lineBreak: "\n", listOpen: "", listClose: "",
        escape: ChatEscaping.markdown
    )

    /// Mattermost: the same Markdown with `&<>` as entities and `@` defused (see `ChatEscaping.mattermost`).
    static let mattermost: MarkdownStyle = {
        var style = MarkdownStyle.markdown
        style.escape = ChatEscaping.mattermost
        return style
    }()

    /// Plain text with markers removed and `@` defused, for Matrix `body` (which Matrix clients and older
    /// servers search for `@room` and display names).
    static let plain = MarkdownStyle(
        boldOpen: "", boldClose: "", headingOpen: "", headingClose: "", bulletPrefix: "- ", bulletSuffix: "",
        paragraphOpen: "", paragraphClose: "", blockBreak: "\n\n", lineBreak: "\n", listOpen: "", listClose: "",
        escape: ChatEscaping.mentions
    )

    /// Google Chat text paragraphs: a small HTML subset (`<b>`, `<br>`), no lists, so bullets are drawn.
    static let googleChat = MarkdownStyle(
        boldOpen: "<b>", boldClose: "</b>", headingOpen: "<b>", headingClose: "</b>", bulletPrefix: "• ",
        bulletSuffix: "", paragraphOpen: "", paragraphClose: "", blockBreak: "<br><br>", lineBreak: "<br>",
        listOpen: "", listClose: "", escape: ChatEscaping.htmlText
    )

    /// Matrix `org.matrix.custom.html`: paragraphs, lists and `<strong>`, all content escaped and `@` defused.
    static let matrixHTML = MarkdownStyle(
        boldOpen: "<strong>", boldClose: "</strong>", headingOpen: "<h4>", headingClose: "</h4>", bulletPrefix: "<li>",
        bulletSuffix: "</li>", paragraphOpen: "<p>", paragraphClose: "</p>", blockBreak: "", lineBreak: "",
        listOpen: "<ul>", listClose: "</ul>", escape: ChatEscaping.matrixHTML
    )

    /// Renders Markdown text in this style.
    func render(_ markdown: String) -> String {
        var result = ""
        var inList = false
        for (offset, block) in MarkdownBlocks.parse(markdown).enumerated() {
            let isBullet: Bool
            if case .bullet = block { isBullet = true } else { isBullet = false }
            if inList && !isBullet {
                result += self.listClose
                inList = false
            }
            if offset > 0 {
                result += (inList && isBullet) ? self.lineBreak : self.blockBreak
            }
            if isBullet && !inList {
                result += self.listOpen
                inList = true
            }
            switch block {
            case .heading(let text):
                result += self.headingOpen + self.inline(text) + self.headingClose
            case .paragraph(let text):
                result += self.paragraphOpen + self.inline(text) + self.paragraphClose
            case .bullet(let text):
                result += self.bulletPrefix + self.inline(text) + self.bulletSuffix
            }
        }
        if inList { result += self.listClose }
        return result
    }

    private func inline(_ text: String) -> String {
        MarkdownBlocks.inline(text, open: self.boldOpen, close: self.boldClose, escape: self.escape)
    }
}
