import DecayApp
import DecayCore
import DecayDelivery
import DecayServer
import DecayStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("broadcasts over the admin API, delivered to a loopback chat sink")
struct BroadcastTests {
    /// Collects what the "chat platforms" received.
    actor Inbox {
        var posts: [(path: String, body: [UInt8])] = []
        func add(_ path: String, _ body: [UInt8]) { self.posts.append((path, body)) }
    }

    static func sink(_ inbox: Inbox) -> some ApplicationProtocol {
        let router = Router()
        router.post("hook/:name") { request, context -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            await inbox.add(try context.parameters.require("name"), Array(buffer: body))
            return Response(status: .ok)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func seed(_ database: AppDatabase, sinkPort: Int) async throws {
        let partners = """
            id,name,category,tier,region,manager,chat_format,chat_url
            p-slack,Slack Partner,msp,gold,emea,cm-1,slack,http://127.0.0.1:\(sinkPort)/hook/slack
            p-teams,Teams Partner,var,silver,na,cm-1,teams,http://127.0.0.1:\(sinkPort)/hook/teams
            p-none,No Chat Partner,msp,gold,emea,cm-1,,
            p-private,Private Partner,msp,gold,emea,cm-1,slack,https://10.0.0.5/hook
            p-retail,Retail Partner,retail,bronze,apac,cm-1,slack,http://127.0.0.1:\(sinkPort)/hook/retail
            """
        let people = """
            id,name,partner,role,reports_to,timezone
            cm-1,Cam Manager,,channel_manager,,UTC
            pm-1,Pat Relay,p-slack,partner_manager,cm-1,UTC
            r-1,Rae One,p-slack,rep,pm-1,UTC
            r-2,Ray Two,p-slack,rep,pm-1,UTC
            r-3,Rin Three,p-teams,rep,,UTC
            r-4,Ron Four,p-none,rep,,UTC
            r-5,Roy Five,p-retail,rep,,UTC
            r-6,Rex Six,p-private,rep,,UTC
            """
        _ = try await DirectoryImports(store: database).run(.partners, text: partners, format: .csv, source: .cli)
        _ = try await DirectoryImports(store: database).run(.people, text: people, format: .csv, source: .cli)
    }

    /// The whole service graph, its outbox worker allowed to post to the loopback sink without rate limits.
    static func makeApp(_ database: AppDatabase) throws -> some ApplicationProtocol {
        let catalog = try ContentCatalog.load(
            messagesDirectory: ServerTests.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: ServerTests.repoRoot.appendingPathComponent("surveys").path
        ).get()
        var delivery = OutboxWorkerConfiguration.unlimited(OutboxWorkerConfiguration())
        delivery.destinationPolicy = try DestinationPolicy.parse(allowHosts: "127.0.0.1")
        let settings = ServerSettings(
            host: "127.0.0.1", port: 0, adminToken: ServerTests.token, secrets: try ServerTests.secrets(),
            publicURL: "https://decay.example.com", delivery: delivery
        )
        return buildApplication(settings: settings, database: database, catalog: catalog, logger: Logger(label: "test"))
    }

    static func post(_ client: some TestClientProtocol, _ json: String) async throws -> TestResponse {
        var headers = ServerTests.auth
        headers[.contentType] = "application/json"
        return try await client.execute(uri: "/api/broadcasts", method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    @Test func broadcastQueuesOnePostPerPartnerAndTheWorkerDeliversThem() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decay-broadcast-\(UUID().uuidString)")
        let database = try await AppDatabase.open(path: folder.appendingPathComponent("decay.sqlite").path)
        let inbox = Inbox()
        try await Self.sink(inbox).test(.live) { sinkClient in
            let sinkPort = try #require(sinkClient.port)
            try await Self.seed(database, sinkPort: sinkPort)
            try await Self.makeApp(database).test(.router) { client in
                let dry = try await Self.post(client, #"{"message": "vault-3-launch", "dry_run": true}"#)
                #expect(dry.status == .ok)
                let plan = try ServerTests.json(dry)
                #expect(plan["dry_run"] as? Bool == true)
                #expect(try await database.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM delivery") } == 0, "a dry run writes nothing")

                let created = try await Self.post(client, #"{"message": "vault-3-launch", "audience": "category:msp,category:var"}"#)
                #expect(created.status == .created)
                let body = try ServerTests.json(created)
                #expect(body["partners"] as? Int == 4)
                #expect(body["people"] as? Int == 4, "reps and partner managers at matching partners whose post is queued")
                #expect(body["new_deliveries"] as? Int == 4)
                let delivered = try await database.reader.read { try String.fetchAll($0, sql: "SELECT person_id FROM delivery ORDER BY person_id") }
                #expect(delivered == ["pm-1", "r-1", "r-2", "r-3"], "no delivery for r-4 (partner without a destination) or r-6 (refused URL)")
                let posts = try #require(body["posts"] as? [[String: Any]])
                #expect(posts.compactMap { $0["partner"] as? String }.sorted() == ["p-slack", "p-teams"])
                #expect(posts.allSatisfy { ($0["destination"] as? String)?.hasSuffix("/…") == true }, "webhook URLs are not echoed")
                let skipped = try #require(body["skipped"] as? [[String: Any]])
                #expect(skipped.compactMap { $0["partner"] as? String }.sorted() == ["p-none", "p-private"])

                for _ in 0..<100 where try await database.outboxCounts() != [.delivered: 2] {
                    try await Task.sleep(for: .milliseconds(50))
                }
                let received = await inbox.posts
                #expect(received.map(\.path).sorted() == ["slack", "teams"])
                let slack = try #require(received.first { $0.path == "slack" })
                let text = String(decoding: slack.body, as: UTF8.self)
                #expect(text.contains(#""value":"ack1:vault-3-launch""#), "the ack button value the Slack webhook understands")
                #expect(text.contains("ans1:vault-3-check:"), "the first quiz question as answer buttons")
                #expect(text.contains("https://decay.example.com/s/p/"), "the partner's survey link")
                #expect(try await database.outboxCounts() == [.delivered: 2])

                let listing = try await client.execute(uri: "/api/outbox?status=delivered", method: .get, headers: ServerTests.auth)
                #expect(listing.status == .ok)
                let listed = try ServerTests.json(listing)
                #expect((listed["counts"] as? [String: Int])?["delivered"] == 2)
                let items = try #require(listed["items"] as? [[String: Any]])
                #expect(items.count == 2)
                #expect(items.allSatisfy { ($0["destination"] as? String) == "http://127.0.0.1:\(sinkPort)/…" }, "no webhook path in listings")
                #expect(items.allSatisfy { ($0["idempotency_key"] as? String)?.hasPrefix("broadcast:") == true })
                let bad = try await client.execute(uri: "/api/outbox?status=sent", method: .get, headers: ServerTests.auth)
                #expect(bad.status == .badRequest)
                #expect(try ServerTests.error(bad)["field"] as? String == "status")
            }
        }
    }

    @Test(arguments: [
        (#"{"audience": "tier:gold"}"#, 400, "message"),
        (#"{"message": 42}"#, 400, "message"),
        (#"{"message": "vault-3-launch", "dry_run": "yes"}"#, 400, "dry_run"),
        (#"{"message": "no-such-message"}"#, 422, "message"),
        (#"{"message": "vault-3-launch", "survey": "nope"}"#, 422, "survey"),
        (#"{"message": "vault-3-launch", "audience": "colour:red"}"#, 422, "audience"),
        (#"{"message": "vault-3-launch", "audience": "partner:unknown"}"#, 422, "audience"),
        ("not json", 400, nil),
    ])
    func badRequestsNameTheField(json: String, status: Int, field: String?) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decay-broadcast-\(UUID().uuidString)")
        let database = try await AppDatabase.open(path: folder.appendingPathComponent("decay.sqlite").path)
        try await Self.seed(database, sinkPort: 9)
        try await Self.makeApp(database).test(.router) { client in
            let response = try await Self.post(client, json)
            #expect(Int(response.status.code) == status)
            #expect(try ServerTests.error(response)["field"] as? String == field)
            #expect(try await database.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox") } == 0)
        }
    }
}
