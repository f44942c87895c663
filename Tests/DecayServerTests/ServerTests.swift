import DecayApp
import DecayCore
import DecayInbound
import DecayServer
import DecayStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("HTTP server")
struct ServerTests {
    static let token = "test-admin-token-0123456789abcdef0123"
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func makeApp(metricsToken: String? = nil) async throws -> (some ApplicationProtocol, AppDatabase) {
        var (settings, database, catalog) = try await self.makeServiceParts()
        settings.metricsToken = metricsToken
        let app = buildApplication(settings: settings, database: database, catalog: catalog, logger: Logger(label: "test"))
        return (app, database)
    }

    /// What `buildApplication` and `buildRouter` take: test settings, a fresh database and the shipped content.
    static func makeServiceParts() async throws -> (ServerSettings, AppDatabase, ContentCatalog) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decay-server-\(UUID().uuidString)")
        let database = try await AppDatabase.open(path: directory.appendingPathComponent("decay.sqlite").path)
        let catalog = try ContentCatalog.load(
            messagesDirectory: self.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: self.repoRoot.appendingPathComponent("surveys").path
        ).get()
        let settings = ServerSettings(host: "127.0.0.1", port: 0, adminToken: self.token, secrets: try self.secrets())
        return (settings, database, catalog)
    }

    static let webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let slackSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let typeformSecret = "typeform-test-secret"

    static func secrets() throws -> InboundSecrets {
        InboundSecrets(
            standardWebhooks: try StandardWebhooks(secret: self.webhookSecret),
            slack: try SlackSignature(signingSecret: self.slackSecret), typeform: try TypeformSignature(secret: self.typeformSecret),
            links: try SurveyTokenSigner(secret: Array(repeating: 7, count: 32))
        )
    }

    static func pipeline(_ database: AppDatabase) throws -> InboundPipeline {
        let catalog = try ContentCatalog.load(
            messagesDirectory: self.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: self.repoRoot.appendingPathComponent("surveys").path
        ).get()
        return InboundPipeline(database: database, catalog: catalog, secrets: try self.secrets())
    }

    static var auth: HTTPFields { [.authorization: "Bearer \(self.token)"] }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func error(_ response: TestResponse) throws -> [String: Any] {
        try #require(try self.json(response)["error"] as? [String: Any])
    }

    @Test func healthAnswersOnARealSocket() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            let body = try Self.json(response)
            #expect(body["status"] as? String == "ok")
            #expect(body["messages"] as? Int == 3)
        }
    }

    @Test func adminAPIRequiresTheToken() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.live) { client in
            let missing = try await client.execute(uri: "/api/partners", method: .get)
            #expect(missing.status == .unauthorized)
            #expect(try Self.error(missing)["code"] as? String == "unauthorized")
            #expect(try Self.error(missing)["field"] as? String == "Authorization")

            let wrong = try await client.execute(uri: "/api/partners", method: .get, headers: [.authorization: "Bearer nope"])
            #expect(wrong.status == .unauthorized)

            let right = try await client.execute(uri: "/api/partners", method: .get, headers: Self.auth)
            #expect(right.status == .ok)
            #expect(try Self.json(right)["count"] as? Int == 0)
        }
    }

    @Test func importsThroughTheAdminAPI() async throws {
        let (app, database) = try await Self.makeApp()
        let examples = Self.repoRoot.appendingPathComponent("examples")
        let partners = try Data(contentsOf: examples.appendingPathComponent("partners.csv"))
        let people = try Data(contentsOf: examples.appendingPathComponent("people.csv"))
        try await app.test(.live) { client in
            var headers = Self.auth
            headers[.contentType] = "text/csv"
            let first = try await client.execute(uri: "/api/partners", method: .put, headers: headers, body: ByteBuffer(bytes: partners))
            #expect(first.status == .ok)
            #expect(try Self.json(first)["inserted"] as? Int == 8)
            let second = try await client.execute(uri: "/api/people", method: .put, headers: headers, body: ByteBuffer(bytes: people))
            #expect(second.status == .ok)

            let listed = try await client.execute(uri: "/api/people?partner=bluepeak-managed", method: .get, headers: Self.auth)
            let items = try #require(try Self.json(listed)["items"] as? [[String: Any]])
            #expect(items.contains { $0["id"] as? String == "rep-0042" })

            let one = try await client.execute(uri: "/api/people/rep-0042", method: .get, headers: Self.auth)
            #expect(try Self.json(one)["partner"] as? String == "bluepeak-managed")
            let none = try await client.execute(uri: "/api/people/nobody", method: .get, headers: Self.auth)
            #expect(none.status == .notFound)

            // A listing edited and sent back imports as it is: the nested chat object included.
            let listing = try Self.json(try await client.execute(uri: "/api/partners", method: .get, headers: Self.auth))
            var rows = try #require(listing["items"] as? [[String: Any]])
            #expect(rows.contains { $0["chat"] != nil })
            rows[0]["name"] = "Renamed Partner"
            var json = Self.auth
            json[.contentType] = "application/json"
            let sentBack = try await client.execute(
                uri: "/api/partners", method: .put, headers: json, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: rows)))
            #expect(sentBack.status == .ok)
            #expect(try Self.json(sentBack)["updated"] as? Int == rows.count)
            let after = try #require(try Self.json(try await client.execute(uri: "/api/partners", method: .get, headers: Self.auth))["items"] as? [[String: Any]])
            #expect(after.first { $0["id"] as? String == rows[0]["id"] as? String }?["name"] as? String == "Renamed Partner")
            #expect(after.compactMap { $0["chat"] as? [String: String] } == rows.compactMap { $0["chat"] as? [String: String] }, "chat destinations kept")
        }
        #expect(try await database.directoryCounts().people == 30)
    }

    @Test func badRowsGetAJSONErrorAndChangeNothing() async throws {
        let (app, database) = try await Self.makeApp()
        try await app.test(.live) { client in
            var headers = Self.auth
            headers[.contentType] = "application/json"
            let body = ByteBuffer(string: #"[{"id": "ok", "name": "Fine"}, {"id": "Bad Id", "name": "X"}, {"id": "c", "name": "C", "chat_format": "fax", "chat_url": "https://x.example.com"}]"#)
            let response = try await client.execute(uri: "/api/partners", method: .put, headers: headers, body: body)
            #expect(response.status == .unprocessableContent)
            let error = try Self.error(response)
            #expect(error["code"] as? String == "unprocessable")
            #expect(error["field"] as? String == "row 2 id")
            #expect((error["details"] as? [String])?.count == 2)
        }
        #expect(try await database.directoryCounts().partners == 0)
    }

    @Test func invalidUTF8AndControlCharactersAreRefusedNamingWhere() async throws {
        let (app, database) = try await Self.makeApp()
        try await EventWebhookTests.seedDirectory(database)
        try await app.test(.live) { client in
            var headers = Self.auth
            headers[.contentType] = "text/csv"
            let latin1 = Array("id,name\nalder,Alder\nmuller,M".utf8) + [0xFC] + Array("ller IT\n".utf8)
            let refused = try await client.execute(uri: "/api/partners", method: .put, headers: headers, body: ByteBuffer(bytes: latin1))
            #expect(refused.status == .unprocessableContent)
            #expect(try Self.error(refused)["field"] as? String == "row 3")

            let linked = try await client.execute(uri: "/api/links?person=rep-0042%00&survey=vault-3-check", method: .get, headers: Self.auth)
            #expect(linked.status == .badRequest, "a NUL must not stand for the end of the id")
            #expect(try Self.error(linked)["field"] as? String == "person")
            let path = try await client.execute(uri: "/api/people/rep-0042%00", method: .get, headers: Self.auth)
            #expect(path.status == .badRequest)
            #expect(try Self.error(path)["field"] as? String == "path")
            let clean = try await client.execute(uri: "/api/links?person=rep-0042&survey=vault-3-check", method: .get, headers: Self.auth)
            #expect(clean.status == .ok)
        }
        #expect(try await database.partners().contains { $0.id == "muller" } == false)
    }

    /// The router skips empty segments, so another spelling of a guarded path must not get past the guards, which
    /// look at the path as sent: without the token every spelling is refused, with it the canonical one answers.
    @Test func anotherSpellingOfAGuardedPathIsRefused() async throws {
        let (app, database) = try await Self.makeApp()
        try await EventWebhookTests.seedDirectory(database)
        try await app.test(.live) { client in
            for path in ["//api/people", "///api/people", "/./api/people", "/%2e/api/people", "/x/../api/people", "//metrics"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .badRequest, "\(path)")
                #expect(try Self.error(response)["field"] as? String == "path", "\(path)")
            }
            for path in ["/%61pi/people", "/API/people"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound || response.status == .unauthorized, "\(path): no route, or the guard")
            }
            #expect(try await client.execute(uri: "/api/people", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/people/", method: .get, headers: Self.auth).status == .ok, "a trailing slash is fine")
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func unknownRoutesAndContentAreJSONErrors() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            let route = try await client.execute(uri: "/nowhere", method: .get)
            #expect(route.status == .notFound)
            #expect(try Self.error(route)["code"] as? String == "not_found")

            let message = try await client.execute(uri: "/api/messages/vault-3-launch", method: .get, headers: Self.auth)
            #expect(try Self.json(message)["version"] as? Int == 2)
            let missing = try await client.execute(uri: "/api/surveys/nope", method: .get, headers: Self.auth)
            #expect(missing.status == .notFound)
            #expect(try Self.error(missing)["message"] as? String == "survey 'nope' was not found")
        }
    }
}
