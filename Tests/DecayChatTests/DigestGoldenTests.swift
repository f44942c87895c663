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

    /// A week in which no rep acked or answered says so once, in every format, instead of "±0 on last week" per line.
    @Test(arguments: ChatFormat.allCases.filter { $0 != .webhook })
    func aWeekWithoutActivitySaysSoOnce(format: ChatFormat) throws {
        let copies = format == .matrix ? 2 : 1  // Matrix sends a plain body and an HTML body
        var digest = DigestChatFixtures.small()
        digest.engagement.changes = digest.engagement.changes.map { MetricChange(metric: $0.metric, previous: $0.current, current: $0.current) }
        let busy = String(decoding: ChatRenderer.render(digest, as: format, transactionID: "t").body, as: UTF8.self)
        #expect(busy.components(separatedBy: "±0 on last week").count - 1 == 4 * copies)
        #expect(!busy.contains("No activity this week"))
        digest.engagement.repsActiveThisWeek = 0
        let idle = String(decoding: ChatRenderer.render(digest, as: format, transactionID: "t").body, as: UTF8.self)
        #expect(idle.components(separatedBy: "No activity this week").count - 1 == copies)
        #expect(!idle.contains("on last week"))
    }

    /// Every format puts the message's figures on one named scale and says who is still on the old version.
    @Test(arguments: ChatFormat.allCases.filter { $0 != .webhook })
    func oneNamedScaleAndTheOldVersion(format: ChatFormat) throws {
        let text = String(decoding: ChatRenderer.render(DigestChatFixtures.small(), as: format, transactionID: "t").body, as: UTF8.self)
        #expect(text.contains("know it 41% now (guessing removed), projected 14% by 30 Nov 2026"))
        #expect(text.contains("Still on v1"))
        #expect(text.contains("9 people (target-market)"))
        #expect(text.contains("know it direct 63% vs relayed 4%"))
        #expect(text.contains("Top reps (90 days)"))
        #expect(!text.contains("still correct"))
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
