import DecayChat
import DecayCore
import Foundation
import Testing

/// Renders the small fixed digest in every format and compares with reviewed golden files byte for byte.
struct DigestGoldenTests {
    @Test(arguments: ChatFormat.allCases)
    func matchesGolden(format: ChatFormat) throws {
        let payload = ChatRenderer.render(DigestChatFixtures.small(), as: format, transactionID: "digest-cm-1-2026-W47")
        let file = ChatFixtures.goldenFolder.appendingPathComponent("digest-\(format.rawValue).json")
        guard let expected = try? Data(contentsOf: file) else {
            try payload.body.write(to: file)
            Issue.record("recorded \(file.lastPathComponent); review it and run again")
            return
        }
        #expect(payload.body == expected, "\(format.rawValue) digest differs from \(file.lastPathComponent)")
    }

    /// Names from the directory cannot become markup or mentions in any format.
    @Test func partnerNamesAreEscaped() throws {
        let digest = DigestChatFixtures.small()
        let text = { (format: ChatFormat) in String(decoding: ChatRenderer.render(digest, as: format, transactionID: "t").body, as: UTF8.self) }
        #expect(text(.slack).contains("• Smith_&amp;_&lt;Sons&gt;* @\u{200B}channel: 3 reps"), "no bold: mrkdwn cannot escape the *")
        #expect(text(.googlechat).contains("<b>Smith_&amp;_&lt;Sons&gt;* @channel</b>"))
        #expect(text(.matrix).contains("<strong>Smith_&amp;_&lt;Sons&gt;* @\u{200B}channel</strong>"))
        #expect(text(.matrix).contains("- Smith_&_<Sons>* @\u{200B}channel: 3 reps"))
        #expect(text(.mattermost).contains(#"**Smith\\_&amp;\\_&lt;Sons&gt;\\* @"# + "\u{200B}channel**"))
        for format in [ChatFormat.discord, .teams] {
            #expect(text(format).contains(#"**Smith\\_&\\_<Sons>\\* @channel**"#), "\(format)")
        }
    }
}
