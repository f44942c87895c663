import Foundation

/// Matrix client-server `m.room.message` (`m.text`) with plain `body` and escaped HTML `formatted_body`,
/// sent with PUT to `send/m.room.message/{txnId}` so a retried delivery is not posted twice. An empty
/// `m.mentions` says the broadcast mentions no one: servers then skip the legacy rules that made `@room` or a
/// display name in the text notify (Matrix 1.7 intentional mentions); `@` is defused for older servers too.
public enum MatrixRenderer {
    /// The Matrix spec caps a whole event at 65,536 bytes; the content keeps a margin for the server's envelope.
    enum Limit {
        static let contentBytes = 60_000
        static let title = 256
    }

    public static func render(_ broadcast: ChatBroadcast, transactionID: String) -> ChatPayload {
        let title = TextBudget.clip(broadcast.title, limit: Limit.title)
        let data = PayloadFit.largest(maxBytes: Limit.contentBytes, start: Limit.contentBytes / 2) { budget in
            self.content(broadcast, title: title, budget: budget).data
        }
        return ChatPayload(format: .matrix, body: data, method: .put, pathSuffix: self.pathSuffix(transactionID: transactionID))
    }

    /// `send/m.room.message/{txnId}` with the id percent-encoded as one path segment.
    static func pathSuffix(transactionID: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#")
        return "send/m.room.message/" + (transactionID.addingPercentEncoding(withAllowedCharacters: allowed) ?? transactionID)
    }

    /// `body` and `formatted_body` come from the same cut Markdown, so they always say the same thing.
    private static func content(_ broadcast: ChatBroadcast, title: String, budget: Int) -> JSONValue {
        let bytes = { (text: String) in TextBudget.bytes(MarkdownStyle.matrixHTML.render(text)) }
        let body = TextBudget.cut(broadcast.body, limit: budget, measure: bytes)
        var plain = ChatEscaping.mentions(title) + "\n\n" + MarkdownStyle.plain.render(body)
        var html = "<h3>" + ChatEscaping.matrixHTML(title) + "</h3>" + MarkdownStyle.matrixHTML.render(body)
        if !broadcast.keyPoints.isEmpty {
            let points = TextBudget.cut(PayloadFit.keyPointList(broadcast.keyPoints), limit: budget / 3, measure: bytes)
            plain += "\n\nKey points:\n" + MarkdownStyle.plain.render(points)
            html += "<p><strong>Key points</strong></p>" + MarkdownStyle.matrixHTML.render(points)
        }
        if let url = broadcast.surveyURL {
            plain += "\n\nTake the quick survey: " + url
            html += "<p><a href=\"" + ChatEscaping.html(url) + "\">Take the quick survey</a></p>"
        }
        return [
            "msgtype": "m.text", "body": .string(plain), "format": "org.matrix.custom.html", "formatted_body": .string(html),
            "m.mentions": [:],
        ]
    }
}
