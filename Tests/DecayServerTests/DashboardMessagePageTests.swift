import DecayCore
import DecayStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// The dashboard's message page over real HTTP on loopback: the forgetting curves, every relay's text with its
/// distorting phrases marked (escaped, however hostile), the versions, and the JSON those figures come from matching
/// the OpenAPI document.
@Suite("Dashboard message page")
struct DashboardMessagePageTests {
    static let hostile = #"<script>alert("x")</script> Vault 3 is perfect for <b>small</b> RETAIL shops"#

    /// The seeded demo plus one hostile relay, relayed before every other so it is the first of the worst.
    static func seededApp() async throws -> (some ApplicationProtocol, AppDatabase) {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let from = try #require(try await database.people(partner: nil).first { $0.role == .partnerManager }?.id)
        try await database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO relay (message_id, message_version, from_person, text, relayed_at) VALUES ('vault-3-launch', 2, ?, ?, 1700000000)",
                arguments: [from, Self.hostile])
        }
        return (app, database)
    }

    @Test func showsCurvesRelayTextsAndVersionsUnder200KB() async throws {
        let (app, _) = try await Self.seededApp()
        try await app.test(.live) { client in
            var browser = DashboardTests.Browser()
            _ = try await browser.signIn(client)
            let response = try await browser.get(client, "/messages/vault-3-launch")
            #expect(response.status == .ok)
            #expect(response.body.readableBytes < 200_000, "\(response.body.readableBytes) bytes")
            let html = DashboardTests.text(response)
            #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") && !html.contains("<script>alert"))
            #expect(html.contains("&lt;b&gt;small&lt;/b&gt; <mark class=\"distorted\" title=\"Distorts target-market: "))
            #expect(html.contains(">RETAIL</mark> shops"))
            for chart in ["Observed (Wilson interval)", "Re-check target: 70% know it = ", "projection", "Fitted: interval"] {
                #expect(html.contains(chart), "\(chart)")
            }
            #expect(html.contains("Versions of vault-3-launch (current: v2)"))
            #expect(html.contains("still on v1: "))

            let curve = DashboardTests.text(try await browser.get(client, "/messages/vault-3-launch?format=csv&table=curve-target-market"))
            #expect(curve.hasPrefix("Days since delivery,Answers,Observed share correct,Fitted,Fitted interval\r\n0–7,"))
            let relays = DashboardTests.text(try await browser.get(client, "/messages/vault-3-launch?format=csv&table=relays"))
            #expect(relays.hasPrefix("From,At,Recipients,Fidelity,Text,Missing,Distorted,target-market"))
            #expect(relays.contains(#""<script>alert(""x"")</script> Vault 3 is perfect for <b>small</b> RETAIL shops""#), "CSV keeps the plain text")
            let versions = DashboardTests.text(try await browser.get(client, "/messages/vault-3-launch?format=csv&table=versions"))
            let rows = versions.split(separator: "\r\n").map(String.init)
            #expect(rows.count == 3 && rows[1].hasPrefix("v2 (current),") && rows[2].hasPrefix("v1,"))
            #expect(rows[1].contains("target-market"), "v2 changed the target market: \(rows[1])")
            let svg = try await browser.get(client, "/messages/vault-3-launch?format=svg&chart=curve-target-market")
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(DashboardTests.text(svg).contains("stroke-dasharray=\"4 4\""), "the projection is drawn")
        }
    }

    @Test func theReportsNewFiguresAreInTheOpenAPIDocument() async throws {
        let (app, _) = try await Self.seededApp()
        try await app.test(.router) { client in
            let report = try ServerTests.json(try await client.execute(
                uri: "/api/reports/message/vault-3-launch?resamples=5", method: .get, headers: ServerTests.auth))
            let document = try #require(try JSONSerialization.jsonObject(
                with: Data(buffer: try await client.execute(uri: "/openapi.json", method: .get).body)) as? [String: Any])
            let schema = try #require(((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?["MessageReport"] as? [String: Any])
            Self.expectConforms(report, to: schema, at: "report")
            let points = try #require(report["key_points"] as? [[String: Any]])
            let curve = try #require(points.first?["curve"] as? [[String: Any]])
            #expect(curve.count == 31 && points.first?["observed"] as? [Any] != nil)
            let relay = try #require((report["relays"] as? [[String: Any]])?.first { $0["text"] as? String == Self.hostile })
            let highlight = try #require((relay["highlights"] as? [[String: Any]])?.first)
            let start = try #require(highlight["start"] as? Int), end = try #require(highlight["end"] as? Int)
            try #require(0 <= start && start < end && end <= Self.hostile.utf16.count)
            #expect(String(decoding: Array(Self.hostile.utf16)[start..<end], as: UTF16.self) == "RETAIL")
            #expect((report["versions"] as? [[String: Any]])?.map { $0["version"] as? Int } == [1, 2])
        }
    }

    /// Every key the object has is a property of the schema, every required one is there, and nested objects and
    /// arrays of objects with inline schemas conform too.
    static func expectConforms(_ value: [String: Any], to schema: [String: Any], at path: String) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in value.keys where schema["additionalProperties"] as? Bool == false {
            #expect(properties[key] != nil, "\(path).\(key) is not in the OpenAPI document")
        }
        for key in schema["required"] as? [String] ?? [] {
            #expect(value[key] != nil, "\(path).\(key) is required but missing")
        }
        for (key, property) in properties {
            guard let property = property as? [String: Any] else { continue }
            if let items = property["items"] as? [String: Any], items["properties"] != nil, let list = value[key] as? [[String: Any]] {
                for (index, item) in list.prefix(3).enumerated() { Self.expectConforms(item, to: items, at: "\(path).\(key)[\(index)]") }
            }
        }
    }
}
