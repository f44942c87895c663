import Foundation
import Testing

@testable import DecayCore

/// Which relays the message report lists, and the CSV of all of them.
@Suite("Message report: relay paging and CSV")
struct RelayPagingTests {
    @Test(arguments: [
        (RelayPage.worst, 50, 0..<20), (RelayPage.worst, 5, 0..<5), (RelayPage.all, 50, 0..<50),
        (RelayPage(offset: 20, limit: 20), 50, 20..<40), (RelayPage(offset: 45, limit: 20), 50, 45..<50),
        (RelayPage(offset: 60, limit: nil), 50, 50..<50), (RelayPage(offset: 3, limit: 0), 50, 3..<3),
    ])
    func pageRange(page: RelayPage, count: Int, range: Range<Int>) {
        #expect(page.range(count: count) == range)
    }

    @Test func reportListsThePageAskedForWithVerdictsPerPoint() throws {
        let message = try ShippedMessages.named("vault-3-launch")
        let at = Date(timeIntervalSince1970: 1_795_132_800)
        let texts = [
            "Vault 3 is for mid-market healthcare; recovery within 4 hours.",
            "Vault 3 is for small retail shops.",
            "Vault 3.0 ist für mittelständische Kliniken.",
            "Vault 3 is for mid-market healthcare.",
        ]
        let relays = texts.enumerated().map { MessageReportInput.Relay(from: "pm-\($0.offset)", at: at, recipients: 2, text: $0.element) }
        let input = MessageReportInput(answers: [], freeTexts: [], relays: relays)
        let all = MessageReportBuilder(relayPage: .all).build(message: message, surveys: [], input: input)
        #expect(all.relaysTotal == 4 && all.relaysOffset == 0)
        // Worst first; pm-2 (German, scored by the point's `de` slots) and pm-3 tie and keep their order.
        #expect(all.relays.map(\.from) == ["pm-1", "pm-2", "pm-3", "pm-0"])
        #expect(all.relays[0].points["target-market"] == "distorted")
        #expect(all.relays.first { $0.from == "pm-2" }?.points["target-market"] == "present")
        let page = MessageReportBuilder(relayPage: RelayPage(offset: 1, limit: 2)).build(message: message, surveys: [], input: input)
        #expect(page.relays.map(\.from) == ["pm-2", "pm-3"])
        #expect(page.relaysTotal == 4 && page.relaysOffset == 1)

        let csv = RelayVerdictsCSV.render(keyPoints: message.keyPoints.map(\.id), relays: all.relays)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "from,at,recipients,fidelity,rouge1_recall,target-market,immutable-copies,hipaa-audit,restore-sla")
        #expect(lines[1].hasPrefix("pm-1,2026-11-20T00:00:00Z,2,0.0000,"))
        #expect(lines[1].hasSuffix(",distorted,missing,missing,missing"))
        #expect(lines.count == 6 && lines[5].isEmpty)
    }

    @Test func csvFieldsAreQuotedAndDefused() {
        #expect(CSVTable.field("pm-001") == "pm-001")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("=cmd()") == "'=cmd()")
        #expect(CSVTable.field("ok\r\n=1+1") == "\"ok\r\n=1+1\"", "a CRLF line break (one Character in Swift) keeps the field whole")
        #expect(CSVTable.field("a\nb") == "\"a\nb\"" && CSVTable.field("a\rb") == "\"a\rb\"")
        #expect(CSVTable.field("\t=1+1") == "'\t=1+1" && CSVTable.field("-0.5") == "-0.5")
        #expect(CSVTable.render(header: ["a"], rows: [["x\r\ny"]]) == "a\r\n\"x\r\ny\"\r\n")
        #expect(CSVTable.field("not scored (language de)") == "not scored (language de)")
    }
}
