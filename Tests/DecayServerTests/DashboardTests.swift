import DecayApp
import DecayCore
import DecayServer
import DecayStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The dashboard over real HTTP on loopback: sign-in, sessions, CSRF, the sign-in limit, scoped manager links,
/// security headers, escaping and CSV.
@Suite("Dashboard")
struct DashboardTests {
    /// A browser without JavaScript: keeps cookies, reads the CSRF token out of forms.
    struct Browser {
        var cookies: [String: String] = [:]

        var cookieHeader: HTTPFields {
            cookies.isEmpty ? [:] : [.cookie: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
        }

        mutating func keep(_ response: TestResponse) {
            for line in response.headers[values: .setCookie] {
                let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                if line.lowercased().contains("max-age=0") || pair[1].isEmpty || Self.expired(line) {
                    cookies[pair[0]] = nil
                } else {
                    cookies[pair[0]] = pair[1]
                }
            }
        }

        /// Whether a Set-Cookie line's `Expires` is not in the future, which makes a browser drop the cookie.
        static func expired(_ line: String) -> Bool {
            guard let attribute = line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { $0.lowercased().hasPrefix("expires=") })
            else { return false }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            return formatter.date(from: String(attribute.dropFirst("expires=".count))).map { $0 <= Date() } ?? false
        }

        mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
            let response = try await client.execute(uri: uri, method: .get, headers: self.cookieHeader)
            self.keep(response)
            return response
        }

        mutating func post(_ client: some TestClientProtocol, _ uri: String, form: String) async throws -> TestResponse {
            var headers = self.cookieHeader
            headers[.contentType] = "application/x-www-form-urlencoded"
            let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form))
            self.keep(response)
            return response
        }

        /// Opens a manager's signed link as a person would: the link's page, then its one button.
        mutating func openLink(_ client: some TestClientProtocol, _ path: String) async throws -> TestResponse {
            let page = try await self.get(client, path)
            let csrf = try #require(DashboardTests.csrf(in: page))
            let html = DashboardTests.text(page)
            let token = try #require(html.range(of: #"name="token" value=""#).map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })
            let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
            return try await self.post(client, "/login/link", form: "csrf=\(csrf)&token=\(encoded)")
        }

        /// Signs in with `token` through the form, as a person would.
        mutating func signIn(_ client: some TestClientProtocol, token: String = ServerTests.token) async throws -> TestResponse {
            let form = try await self.get(client, "/login")
            let csrf = try #require(DashboardTests.csrf(in: form))
            return try await self.post(client, "/login", form: "csrf=\(csrf)&token=\(token)")
        }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func csrf(in response: TestResponse) -> String? {
        let html = self.text(response)
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func pagesNeedASignInAndCarryStrictHeaders() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.live) { client in
            var browser = Browser()
            let anonymous = try await browser.get(client, "/partners")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login")
            let form = try await browser.get(client, "/login")
            #expect(form.status == .ok)
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(form.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(form.headers[.xContentTypeOptions] == "nosniff")
            #expect(form.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")

            let signedIn = try await browser.signIn(client)
            #expect(signedIn.status == .seeOther)
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("decay_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"), "the public URL is http here")

            var scriptPath: String?
            for path in ["/", "/partners", "/pulse", "/operations", "/messages/vault-3-launch"] {
                let page = try await browser.get(client, path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers[.contentSecurityPolicy] == DashboardTestsCSP.policy, "\(path)")
                #expect(Self.text(page).contains("<main id=\"main\">"), "\(path)")
                let scripts = Self.text(page).components(separatedBy: "<script").dropFirst().map { $0.prefix(while: { $0 != ">" }) }
                #expect(scripts.count == 1 && scripts.allSatisfy { $0.hasPrefix(#" src="/dashboard-"#) && $0.hasSuffix(#".js" defer"#) },
                        "\(path): one script, from this origin, none inline")
                scriptPath = scripts.first.map { String($0.dropFirst(#" src=""#.count).prefix(while: { $0 != "\"" })) }
                #expect(!Self.text(page).contains("<button type=\"submit\"></button>"), "\(path): no empty button from a nil value")
                #expect(!Self.text(page).contains("href=\"\""), "\(path): no empty link from a nil value")
            }
            let script = try await browser.get(client, try #require(scriptPath))
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(Self.text(script).contains("beforeprint"))
        }
    }

    @Test func wrongTokenFailsAndTheSixthTryInAMinuteIsRefused() async throws {
        let (app, _) = try await ServerTests.makeApp()
        try await app.test(.live) { client in
            var browser = Browser()
            for attempt in 1...5 {
                let wrong = try await browser.signIn(client, token: "not-the-token-\(attempt)")
                #expect(wrong.status == .unauthorized)
                #expect(Self.text(wrong).contains("token: that is not the admin token"))
            }
            let refused = try await browser.signIn(client)
            #expect(refused.status == .tooManyRequests, "even the right token waits once the limit is reached")
            #expect(browser.cookies["decay_session"] == nil)
        }
    }

    /// Guesses sent in parallel are counted as they are let in, so no more than 5 reach the token check in a minute.
    @Test func parallelGuessesStillGetFiveTriesAMinute() async throws {
        let (app, _) = try await ServerTests.makeApp()
        try await app.test(.live) { client in
            var browser = Browser()
            let csrf = try #require(Self.csrf(in: try await browser.get(client, "/login")))
            let cookie = try #require(browser.cookieHeader[.cookie])
            let port = try #require(client.port)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/login"))
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for attempt in 0..<16 {
                    group.addTask {
                        var request = URLRequest(url: url)
                        request.httpMethod = "POST"
                        request.httpShouldHandleCookies = false
                        request.setValue(cookie, forHTTPHeaderField: "Cookie")
                        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                        request.httpBody = Data("csrf=\(csrf)&token=guess-\(attempt)".utf8)
                        let (_, response) = try await URLSession.shared.data(for: request)
                        return (response as? HTTPURLResponse)?.statusCode ?? 0
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count == 5, "\(statuses)")
            #expect(statuses.filter { $0 == 429 }.count == 11)
        }
    }

    @Test func signInWithoutTheFormsTokenIsRefused() async throws {
        let (app, _) = try await ServerTests.makeApp()
        try await app.test(.live) { client in
            var browser = Browser()
            _ = try await browser.get(client, "/login")
            let forged = try await browser.post(client, "/login", form: "csrf=guessed&token=\(ServerTests.token)")
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["decay_session"] == nil)
        }
    }

    @Test func signOutNeedsTheCSRFTokenAndRevokesTheSession() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await app.test(.live) { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let overview = try await browser.get(client, "/operations")
            let csrf = try #require(Self.csrf(in: overview))
            let stolen = browser.cookies

            let forged = try await browser.post(client, "/logout", form: "csrf=wrong")
            #expect(forged.status == .forbidden)
            #expect(try await browser.get(client, "/operations").status == .ok, "a forged sign-out leaves the session alone")

            let out = try await browser.post(client, "/logout", form: "csrf=\(csrf)")
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            let count = try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dashboard_session") }
            #expect(count == 0)
            var replay = Browser(cookies: stolen)
            let after = try await replay.get(client, "/operations")
            #expect(after.status == .seeOther, "the old cookie no longer opens anything")
        }
    }

    @Test func aManagersLinkOpensOnlyWhatTheirDigestCovers() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let people = try await database.people(partner: nil)
        let partners = try await database.partners()
        let manager = try #require(people.first { person in person.role == .channelManager && partners.contains { $0.manager == person.id } })
        let own = try #require(partners.first { $0.manager == manager.id })
        let other = try #require(partners.first { $0.manager != manager.id })
        let stranger = try #require(people.first { $0.partner == other.id && $0.role == .rep })
        let access = DashboardAccess(
            store: database, signer: try ServerTests.secrets().links, adminToken: ServerTests.token, baseURL: "http://127.0.0.1:0")
        let link = access.link(manager: manager.id, now: Date())
        let range = try #require(link.range(of: "/login/link"))
        let path = String(link[range.lowerBound...])
        try await app.test(.live) { client in
            var browser = Browser()
            let asked = try await browser.get(client, path)
            #expect(asked.status == .ok && browser.cookies["decay_session"] == nil, "opening the link alone signs nobody in")
            var forged = Browser()
            let token = String(path.split(separator: "=", maxSplits: 1).last ?? "")
            let withoutForm = try await forged.post(client, "/login/link", form: "csrf=guessed&token=\(token)")
            #expect(withoutForm.status == .forbidden && forged.cookies["decay_session"] == nil, "a post from elsewhere has no form token")
            let opened = try await browser.openLink(client, path)
            #expect(opened.status == .seeOther)
            #expect(browser.cookies["decay_session"] != nil)

            let list = try await browser.get(client, "/partners")
            #expect(list.status == .ok)
            #expect(Self.text(list).contains(own.id))
            #expect(!Self.text(list).contains("/partners/\(other.id)\""))
            let csv = try await browser.get(client, "/partners?format=csv&table=ranking")
            #expect(!Self.text(csv).contains(other.name))

            #expect(try await browser.get(client, "/partners/\(own.id)").status == .ok)
            #expect(try await browser.get(client, "/partners/\(other.id)").status == .notFound)
            #expect(try await browser.get(client, "/people/\(stranger.id)").status == .notFound)
            for adminOnly in ["/operations", "/pulse", "/messages/vault-3-launch"] {
                #expect(try await browser.get(client, adminOnly).status == .forbidden, "\(adminOnly)")
            }

            var tampered = Browser()
            let bad = try await tampered.openLink(client, path.replacingOccurrences(of: "token=", with: "token=x"))
            #expect(bad.status == .badRequest, "the token is checked when the form is posted")
            #expect(tampered.cookies["decay_session"] == nil)
        }
    }

    @Test func aHostilePartnerNameIsEscapedEverywhere() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        var partner = try #require(try await database.partners().first)
        partner.name = #"<script>alert("x")</script><img src=x onerror=alert(1)>"#
        _ = try await database.upsertPartners([partner], from: .cli)
        let hostile = partner
        try await app.test(.live) { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            for path in ["/partners", "/partners/\(hostile.id)"] {
                let html = Self.text(try await browser.get(client, path))
                #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), "\(path)")
                #expect(!html.contains("<script>") && !html.contains("<img src=x"), "\(path)")
            }
        }
    }

    @Test func everyTableDownloadsAsCSV() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.live) { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let csv = try await browser.get(client, "/partners?format=csv&table=ranking")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Self.text(csv).hasPrefix("Rank,Partner,Category,Tier,Reps,Score"))
            #expect(Self.text(csv).split(separator: "\r\n").count == 41, "a header and the 40 demo partners")
            let unknown = try await browser.get(client, "/partners?format=csv&table=nope")
            #expect(unknown.status == .badRequest)
            #expect(Self.text(unknown).contains("table must be one of ranking, heatmap, scorecard"))
            let page = Self.text(try await browser.get(client, "/partners"))
            #expect(page.contains("href=\"/partners?format=csv&amp;table=ranking\""))
            #expect(page.contains("Rows 1–40") == false, "40 partners fit one screen of 50")
            let heatmap = try await browser.get(client, "/partners?format=csv&table=heatmap&message=vault-3-launch")
            #expect(Self.text(heatmap).hasPrefix("Partner,target-market"))
            let svg = try await browser.get(client, "/partners?format=svg&chart=heatmap")
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(Self.text(svg).hasPrefix("<svg"))
        }
    }

    /// A partner's page shows the rank the ranking and the API give it, not its rank among itself alone.
    @Test func aPartnersPageShowsItsRankInTheRanking() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.live) { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let report = try await client.execute(uri: "/api/reports/partners", method: .get, headers: ServerTests.auth)
            let lines = try #require(try JSONSerialization.jsonObject(with: Data(buffer: report.body)) as? [String: Any])["partners"] as? [[String: Any]]
            let ranked = try #require(lines?.filter { ($0["rank_in_category"] as? Int ?? 1) > 1 }.prefix(3))
            try #require(ranked.count == 3)
            for line in ranked {
                let id = try #require(line["id"] as? String), rank = try #require(line["rank_in_category"] as? Int)
                let page = Self.text(try await browser.get(client, "/partners/\(id)"))
                #expect(page.contains("rank \(rank) in \(line["category"] as? String ?? "")"), "\(id)")
            }
        }
    }

    /// A partner's page names its reps and draws received, acknowledged and answered as three lines from zero.
    @Test func aPartnersPageNamesItsRepsAndDrawsThreeLines() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let partner = try #require(try await database.partners().first)
        let reps = try await database.people(partner: partner.id).filter { $0.role == .rep }
        try #require(!reps.isEmpty)
        try await app.test(.live) { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let page = Self.text(try await browser.get(client, "/partners/\(partner.id)"))
            for rep in reps where rep.name.allSatisfy({ $0.isLetter || $0 == " " }) {
                #expect(page.contains("<a href=\"/people/\(rep.id)\">\(rep.name)</a>"), "\(rep.id) by name")
            }
            let svg = Self.text(try await browser.get(client, "/partners/\(partner.id)?format=svg&chart=weeks"))
            for name in ["Received", "Acknowledged", "Answered"] {
                #expect(svg.contains(">\(name)<"), "\(name) in the legend")
            }
            #expect(svg.contains(">0<"), "the axis starts at zero")
        }
    }

    /// Each pulse question lists every partner, 25 a screen with a pager, and its CSV holds them all.
    @Test func thePulsePageListsEveryPartnerAScreenAtATime() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.live) { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let csv = Self.text(try await browser.get(client, "/pulse?format=csv&table=channel-health-q1-partners"))
            let partners = csv.split(separator: "\r\n").count - 1
            #expect(partners > 25, "the demo's partners with pulse answers, withheld ones included (\(partners))")
            #expect(csv.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("Partner,") })
            let first = Self.text(try await browser.get(client, "/pulse"))
            #expect(first.contains("Rows 1–25 of \(partners)"))
            #expect(first.contains("href=\"/pulse?channel-health-q1-partners-page=2#h-channel-health-q1-partners\""),
                    "each table's pager pages that table and comes back to it")
            let last = Self.text(try await browser.get(client, "/pulse?channel-health-q1-partners-page=2"))
            #expect(last.contains("Rows 26–\(partners) of \(partners)"))
            #expect(last.contains("← Previous 25"))
            #expect(last.components(separatedBy: "Rows 1–25 of ").count - 1 == first.components(separatedBy: "Rows 1–25 of ").count - 2,
                    "the other questions' tables stay on their first screen")
        }
    }

    @Test func operationsListsTheAPIsImportsKeptAndRefused() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.live) { client in
            var headers = ServerTests.auth
            headers[.contentType] = "text/csv"
            let kept = try await client.execute(
                uri: "/api/partners", method: .put, headers: headers, body: ByteBuffer(string: "id,name\nnew-partner,New Partner\n"))
            #expect(kept.status == .ok)
            let refused = try await client.execute(
                uri: "/api/people", method: .put, headers: headers, body: ByteBuffer(string: "id,name,partner,role\nr,R,nowhere,rep\n"))
            #expect(refused.status == .unprocessableContent)

            var browser = Browser()
            _ = try await browser.signIn(client)
            #expect(Self.text(try await browser.get(client, "/")).contains("Re-checks due or sent"))
            let page = Self.text(try await browser.get(client, "/operations"))
            #expect(page.contains("Recent imports"))
            #expect(page.contains("Weekly digests go out"))
            let csv = Self.text(try await browser.get(client, "/operations?format=csv&table=imports"))
            let lines = csv.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "When,Kind,Source,New,Updated,Refused because")
            #expect(lines.count == 5, "a header, the refused people, the kept partners and the demo's two loads: \(lines)")
            #expect(lines.dropFirst().first?.contains(",people,api,0,0,") == true)
            #expect(lines.dropFirst().first?.contains("row 2 partner") == true)
            #expect(lines.dropFirst(2).first?.contains(",partners,api,1,0,") == true)
            #expect(lines.suffix(2).allSatisfy { $0.contains(",demo,") }, "the demo's directory load is logged too")
        }
    }
}

enum DashboardTestsCSP {
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
}
