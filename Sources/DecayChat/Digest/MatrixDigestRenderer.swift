import DecayCore

/// The digest as a Matrix `m.room.message`: plain `body` and HTML `formatted_body` (a heading and a list per
/// section) from the same items; as many items per section as keep the content within 60,000 bytes.
/// Sent with PUT to `send/m.room.message/{txnId}` so a retried digest is not posted twice; an empty `m.mentions`
/// says the digest mentions no one.
public enum MatrixDigestRenderer {
    public static func render(_ digest: Digest, transactionID: String) -> ChatPayload {
        let outline = DigestOutline(digest)
        let data = DigestFit.largest(upTo: outline.largestSection, fits: { $0.count <= MatrixRenderer.Limit.contentBytes }) { cap in
            self.content(outline, cap: cap).data
        }
        return ChatPayload(format: .matrix, body: data, method: .put, pathSuffix: MatrixRenderer.pathSuffix(transactionID: transactionID))
    }

    private static func content(_ outline: DigestOutline, cap: Int) -> JSONValue {
        let limit = MatrixRenderer.Limit.contentBytes
        let title = TextBudget.clip(outline.title, limit: MatrixRenderer.Limit.title)
        var plain = DigestLayout.plain.escape(title) + "\n" + DigestLayout.plain.escape(outline.subtitle)
        var html = "<h3>" + DigestLayout.matrixHTML.escape(title) + "</h3><p>" + DigestLayout.matrixHTML.escape(outline.subtitle) + "</p>"
        for section in outline.sections {
            plain += "\n\n" + DigestLayout.plain.chunks(
                section, cap: cap, limit: limit, prefix: DigestLayout.plain.escape(section.title) + "\n", measure: TextBudget.bytes)[0]
            html += DigestLayout.matrixHTML.chunks(
                section, cap: cap, limit: limit, prefix: "<h4>" + ChatEscaping.html(section.title) + "</h4>", measure: TextBudget.bytes)[0]
        }
        if let url = outline.dashboardURL {
            plain += "\n\n" + DigestOutline.dashboardLabel + ": " + url
            html += "<p><a href=\"" + ChatEscaping.html(url) + "\">" + DigestOutline.dashboardLabel + "</a></p>"
        }
        return [
            "msgtype": "m.text", "body": .string(plain), "format": "org.matrix.custom.html", "formatted_body": .string(html),
            "m.mentions": [:],
        ]
    }
}
