import DecayApp
@testable import DecayCore
@testable import DecayServer
import DecayStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// What the message, pulse and person pages say their figures are: which scale a share is on, the 3-people rule in
/// one phrase, counts where one relay or one person stands behind a figure, and names where the report has them.
@Suite("Dashboard wording")
struct DashboardWordingTests {
    /// The page's tiles as (label, value, detail), in order.
    static func tiles(_ html: String) -> [(label: String, value: String, detail: String)] {
        let pattern = #/<span class="label">([^<]*)</span><span class="value">([^<]*)</span><span class="detail">([^<]*)</span>/#
        return html.matches(of: pattern).map { (String($0.output.1), String($0.output.2), String($0.output.3)) }
    }

    /// The CSV's rows split into fields (quoted fields may hold commas, quotes and line breaks).
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch (character, quoted) {
            case ("\"", true) where characters.first == "\"": field.append("\""); characters.removeFirst()
            case ("\"", _): quoted.toggle()
            case (",", false): row.append(field); field = ""
            case ("\r\n", false), ("\n", false): row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func theMessagePageSaysWhichScaleEachFigureIsOn() async throws {
        let (app, database) = try await DashboardMessagePageTests.seededApp()
        let from = try #require(try await database.people(partner: nil).first { $0.role == .partnerManager }?.id)
        try await database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO relay (message_id, message_version, from_person, text, relayed_at) VALUES ('vault-3-launch', 2, ?, ?, 1700000100)",
                arguments: [from, "Team,\nVault 3 is out.\nMore soon"])
        }
        try await app.test(.live) { client in
            var browser = DashboardTests.Browser()
            _ = try await browser.signIn(client)
            let html = DashboardTests.text(try await browser.get(client, "/messages/vault-3-launch"))
            let report = try ServerTests.json(try await client.execute(uri: "/api/reports/message/vault-3-launch", method: .get, headers: ServerTests.auth))
            let all = try ServerTests.json(try await client.execute(
                uri: "/api/reports/message/vault-3-launch?resamples=5&relays_limit=all", method: .get, headers: ServerTests.auth))
            for phrase in ["Correct now (guessing included)", "Half-life of know it (days)", "Know it at 30 days", "Know it at 90 days",
                           "know it (guessing removed) at 30 / 60 / 90 days", "Share answering correctly (guessing included) after a direct delivery"] {
                #expect(html.contains(phrase), "\(phrase)")
            }
            #expect(html.contains("Re-check target: 70% know it = ") && html.contains("% answering correctly"))
            #expect(!html.contains("know it):") && !html.contains("::"), "the target label has no stray colon")
            #expect(!html.contains("n&lt;3") && !html.contains("under 3"), "one phrase for withheld figures")

            let tiles = Self.tiles(html)
            let perHop = try #require(tiles.first { $0.label == "Kept per relay hop" })
            let retention = try #require(report["retention_per_hop"] as? [String: Any])
            if let low = retention["low"] as? Double, let high = retention["high"] as? Double, retention["value"] is Double {
                #expect(perHop.detail == "share of recall kept per hop; 95% interval \(PageFormat.percent(low))–\(PageFormat.percent(high))")
            } else {
                #expect(perHop.detail == retention["note"] as? String)
            }
            let fidelity = try #require(tiles.first { $0.label == "Relay fidelity" })
            let people = try #require(report["relay_people"] as? Int)
            let relays = try #require(all["relays"] as? [[String: Any]])
            #expect(people == Set(relays.compactMap { $0["from"] as? String }).count && people >= 3)
            #expect(fidelity.value == PageFormat.percent(report["mean_relay_fidelity"] as? Double))
            #expect(fidelity.detail.hasPrefix("share of key points a relayed text carries, mean of \(relays.count.formatted()) relays by \(people) people"))

            let rows = Self.csv(DashboardTests.text(try await browser.get(client, "/messages/vault-3-launch?format=csv&table=relays")))
            #expect(rows.first?.prefix(4) == ["From", "At", "Recipients", "Fidelity"])
            let pattern = #/^(\d+) of (\d+) points?$|^not scored$/#
            for row in rows.dropFirst() {
                #expect(row[3].wholeMatch(of: pattern) != nil, "one relay's fidelity is a count: \(row[3])")
            }
            let broken = try #require(rows.first { $0[4] == "Team,\nVault 3 is out.\nMore soon" }, "the CSV keeps the line breaks")
            #expect(broken[1] == "2023-11-14 22:15 UTC")
            #expect(html.contains("<td class=\"text\">Team,\nVault 3 is out.\nMore soon</td>"), "and so does the page")
            #expect(DashboardStyle.css.contains("td.text{min-width:18em;white-space:pre-line}"), "which shows them")
        }
    }

    @Test func relayFidelityIsWithheldWhenFewerThan3PeopleRelayed() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let managers = try await database.people(partner: nil).filter { $0.role == .partnerManager }.prefix(2).map(\.id)
        try #require(managers.count == 2)
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM relay WHERE message_id = 'vault-3-launch'")
            for (index, from) in (managers + managers).enumerated() {
                try db.execute(
                    sql: "INSERT INTO relay (message_id, message_version, from_person, text, relayed_at) VALUES ('vault-3-launch', 2, ?, ?, ?)",
                    arguments: [from, "Vault 3 backs up small retail shops", 1_790_000_000 + index])
            }
        }
        try await app.test(.live) { client in
            let report = try ServerTests.json(try await client.execute(
                uri: "/api/reports/message/vault-3-launch?resamples=5", method: .get, headers: ServerTests.auth))
            #expect(report["relay_people"] as? Int == 2 && report["relays_total"] as? Int == 4)
            #expect(report["mean_relay_fidelity"] is Double, "the API keeps the mean; the page withholds it")
            var browser = DashboardTests.Browser()
            _ = try await browser.signIn(client)
            let html = DashboardTests.text(try await browser.get(client, "/messages/vault-3-launch"))
            let fidelity = try #require(Self.tiles(html).first { $0.label == "Relay fidelity" })
            #expect(fidelity.value == "fewer than 3 people")
            #expect(fidelity.detail.hasSuffix("mean of 4 relays by 2 people"))
        }
    }

    @Test func thePulsePageNamesOptionsAndQuestionsAndPagesEveryComment() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.live) { client in
            var browser = DashboardTests.Browser()
            _ = try await browser.signIn(client)
            let html = DashboardTests.text(try await browser.get(client, "/pulse"))
            #expect(html.contains("Every partner, by name"), "choice questions' partner tables are sorted by name")
            #expect(html.contains("Every partner, the largest change on the previous quarter first"), "scale questions' by change")
            #expect(!html.contains("n&lt;3") && !html.contains("under 3"))

            let options = ["Same day", "Within a week", "Within a month", "Rarely"]
            let change = #/^(?:(?:Same day|Within a week|Within a month|Rarely) [+-]?\d+ pts(?:, )?)+$|^–$/#
            var changes = 0
            for table in ["channel-health-q5", "channel-health-q5-partners"] {
                let rows = Self.csv(DashboardTests.text(try await browser.get(client, "/pulse?format=csv&table=\(table)")))
                #expect(rows.first == ["Group", "Name", "People"] + options + ["Change on previous quarter"])
                for row in rows.dropFirst() {
                    #expect(row.last?.wholeMatch(of: change) != nil, "\(row.last ?? "")")
                    changes += row.last == "–" ? 0 : 1
                }
            }
            #expect(changes > 0, "the demo has a previous quarter for some groups")

            let comments = Self.csv(DashboardTests.text(try await browser.get(client, "/pulse?format=csv&table=channel-health-comments")))
            #expect(comments.first == ["Partner", "Question", "Submitted", "Answer"])
            #expect(comments.dropFirst().allSatisfy { $0[1] == "What would help you sell more Northwind?" })
            let count = comments.count - 1
            #expect(count > PulsePageController.commentsShown, "the demo has more comments than a screen (\(count))")
            #expect(html.contains("Rows 1–\(PulsePageController.commentsShown) of \(count)"))
        }
    }

    @Test func thePersonPageSaysHowDeliveriesCameAndNamesTheManager() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let people = try await database.people(partner: nil)
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) })
        let plain: @Sendable (Person) -> Bool = { person in person.name.allSatisfy { $0.isLetter || $0 == " " } }
        let manager = try #require(people.first { manager in
            manager.role == .partnerManager && manager.reportsTo != nil && plain(manager) && people.contains { $0.role == .rep && $0.reportsTo == manager.id }
        })
        let rep = try #require(people.first { $0.role == .rep && $0.reportsTo == manager.id })
        let boss = try #require(byID[manager.reportsTo ?? ""])
        let access = DashboardAccess(
            store: database, signer: try ServerTests.secrets().links, adminToken: ServerTests.token, baseURL: "http://127.0.0.1:0")
        let link = access.link(manager: manager.id, now: Date())
        let path = String(link[try #require(link.range(of: "/login/link")).lowerBound...])
        try await app.test(.live) { client in
            var admin = DashboardTests.Browser()
            _ = try await admin.signIn(client)
            let html = DashboardTests.text(try await admin.get(client, "/people/\(rep.id)"))
            let person = try ServerTests.json(try await client.execute(uri: "/api/reports/person/\(rep.id)", method: .get, headers: ServerTests.auth))
            let hops = try #require(person["deliveries"] as? [[String: Any]]).compactMap { $0["hops"] as? Int }
            let received = try #require(Self.tiles(html).first)
            #expect(received.label == "Received" && received.value == hops.count.formatted())
            #expect(received.detail == PersonPageController.routes(hops.map {
                PersonActivity.Delivery(message: "m", version: 1, hops: $0, via: nil, deliveredAt: Date(), ackedAt: nil)
            }))
            let tiles = Self.tiles(html)
            let answered = try #require(tiles.first { $0.label == "Answered" })
            let responses = try #require(person["responses"] as? [[String: Any]]).count
            #expect(answered.detail.hasPrefix("of \(PageFormat.count(hops.count, "message")) (\(PageFormat.count(responses, "response"))), "),
                    "the tile counts answered messages and says so beside the responses listed below")
            #expect(try #require(tiles.first { $0.label == "Acknowledged" }).detail.hasPrefix("of \(PageFormat.count(hops.count, "message")), median "))
            #expect(html.contains("Rep at ") && html.contains(", reports to \(manager.name)</p>"))
            #expect(html.contains("<a href=\"/people/\(manager.id)\"><span class=\"label\">Reports to</span><span class=\"value\">\(manager.name)</span><span class=\"detail\">partner manager</span>"))
            #expect(!html.contains("hop(s)") && !html.contains("partner_manager"))
            let relayers = Set(try #require(person["deliveries"] as? [[String: Any]]).compactMap { $0["via"] as? String })
            #expect(!relayers.isEmpty, "the demo relays to this rep")
            for via in relayers {
                let relayer = try #require(byID[via])
                let named = html.contains("<td><a href=\"/people/\(via)\">\(relayer.name)</a></td>") || !plain(relayer)
                #expect(named, "who relayed is named and linked, not shown by id")
                #expect(!html.contains("<td>\(via)</td>"))
            }

            var own = DashboardTests.Browser()
            #expect(try await own.openLink(client, path).status == .seeOther)
            let mine = DashboardTests.text(try await own.get(client, "/people/\(manager.id)"))
            #expect(mine.contains("Partner manager at ") && mine.contains(", reports to \(boss.id)</p>"), "their channel manager is out of their scope")
            #expect(!mine.contains("/people/\(boss.id)") && !mine.contains(boss.name))
            let team = DashboardTests.text(try await own.get(client, "/people/\(rep.id)"))
            #expect(team.contains("<a href=\"/people/\(manager.id)\">"), "a rep's page links to their manager, the viewer")
        }
    }

    @Test func deliveriesAreCountedByRoute() {
        func deliveries(_ hops: [Int]) -> [PersonActivity.Delivery] {
            hops.map { PersonActivity.Delivery(message: "m", version: 1, hops: $0, via: $0 == 0 ? nil : "pm", deliveredAt: Date(), ackedAt: nil) }
        }
        #expect(PersonPageController.routes(deliveries([])) == "nothing yet")
        #expect(PersonPageController.routes(deliveries([0, 0])) == "2 directly")
        #expect(PersonPageController.routes(deliveries([0, 2])) == "1 directly, 1 through relays (2 hops)")
        #expect(PersonPageController.routes(deliveries([1])) == "0 directly, 1 through relays (1 hop)")
        #expect(PersonPageController.routes(deliveries([1, 2, 0])) == "1 directly, 2 through relays (1–2 hops)")
        #expect(PersonPageController.role(.channelManager) == "channel manager")
    }

    @Test func theScorecardReadsInEachMetricsUnitAndItsCSVHoldsTheNumbers() async throws {
        #expect(PageFormat.metric(0.85, .responseRate) == "85%" && PageFormat.metric(24, .medianAckHours) == "24.0 h")
        #expect(PageFormat.metric(87.79, .score) == "88")
        #expect(PageFormat.gap(0.15, .ackRate) == "+15 pts" && PageFormat.gap(-0.02, .recall) == "-2 pts")
        #expect(PageFormat.gap(0.001, .recall) == "+0 pts" && PageFormat.gap(-0.004, .recall) == "-0 pts", "the sign agrees with met or missed")
        #expect(PageFormat.gap(0, .recall) == "0 pts" && PageFormat.gap(-0.04, .medianAckHours) == "-0.0 h")
        #expect(PageFormat.gap(19.78, .medianAckHours) == "+19.8 h" && PageFormat.gap(-12.2, .score) == "-12")
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.live) { client in
            var browser = DashboardTests.Browser()
            _ = try await browser.signIn(client)
            let html = DashboardTests.text(try await browser.get(client, "/partners"))
            #expect(html.contains("<td>Response rate</td>") && !html.contains("<td>response_rate</td>"))
            let rows = Self.csv(DashboardTests.text(try await browser.get(client, "/partners?format=csv&table=scorecard")))
            #expect(rows.first == ["Partner", "Metric", "Target", "Actual", "Gap", "Met"])
            #expect(rows.count > 1)
            for row in rows.dropFirst() {
                #expect(Double(row[2]) != nil, "the target as a number: \(row)")
                #expect(row[3].isEmpty || Double(row[3]) != nil, "the actual as a number or empty: \(row)")
            }
        }
    }

    @Test func smallFormatsReadAsWords() {
        #expect(PageFormat.minute(Date(timeIntervalSince1970: 1_789_265_160)) == "2026-09-13 02:06 UTC")
        #expect(PageFormat.minute(nil) == "–")
        #expect(PageFormat.count(1, "point") == "1 point" && PageFormat.count(3, "person", plural: "people") == "3 people")
        #expect(MessageBlocks.carried(["a": "present", "b": "missing", "c": "distorted", "d": "present", "e": "present", "f": "not scored (language de)"])
            == "3 of 5 points")
        #expect(MessageBlocks.carried(["a": "present"]) == "1 of 1 point")
        #expect(MessageBlocks.carried(["a": "not scored (language de)"]) == "not scored")
        let options = [PulseQuestion.Option(id: "a", text: "Same day"), PulseQuestion.Option(id: "b", text: "Rarely")]
        let shares = [(0.125, "a"), (-0.034, "b"), (nil, "a")].map { change, option in
            PulseGroup.OptionShare(option: option, share: ShareFigure(Proportion(successes: 1, trials: 4, people: 4)), previous: nil, change: change)
        }
        #expect(PulsePageController.optionChanges(shares, options: options) == "Same day +13 pts, Rarely -3 pts")
        #expect(PulsePageController.optionChanges(Array(shares.suffix(1)), options: options) == "–")
        #expect(PulsePageController.short("What would help you sell more Northwind?") == "What would help you sell more Northwind?")
        #expect(PulsePageController.short("How important are Northwind products to your company's strategy? (1 = not at all, 10 = core)")
            == "How important are Northwind products to your company's…")
    }

    @Test func theTargetLineSaysBothScales() {
        let target = MessageCharts.target(know: 0.7, guessFloor: 0.2)
        #expect(abs(target.share - 0.76) < 1e-9)
        #expect(target.label == "Re-check target: 70% know it = 76% answering correctly" && !target.appendsShare)
    }
}
