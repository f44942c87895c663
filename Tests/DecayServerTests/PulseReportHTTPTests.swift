import DecayApp
import DecayCore
import DecayStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Pulse report over HTTP")
struct PulseReportHTTPTests {
    @Test func theDemoChannelsPulseMatchesItsStoredAnswers() async throws {
        let (app, database) = try await EngagementReportsTests.seededApp()
        let asOf = try #require(UTCDay.end(of: "2026-11-20"))
        let quarterStart = CalendarQuarter(containing: asOf).start.timeIntervalSince1970
        let (answered, meanOfLatest) = try await database.reader.read { db in
            let latest = try Row.fetchAll(db, sql: """
                SELECT r.person_id, a.number FROM response r JOIN answer a ON a.response_id = r.id JOIN person p ON p.id = r.person_id
                WHERE r.survey_id = 'channel-health' AND a.question_id = 'q1' AND p.partner_id IS NOT NULL
                  AND r.submitted_at >= ? AND r.submitted_at <= ?
                  AND r.submitted_at = (SELECT MAX(r2.submitted_at) FROM response r2 JOIN answer a2 ON a2.response_id = r2.id
                                        WHERE r2.person_id = r.person_id AND r2.survey_id = 'channel-health' AND a2.question_id = 'q1'
                                          AND r2.submitted_at >= ? AND r2.submitted_at <= ?)
                """, arguments: [quarterStart, asOf.timeIntervalSince1970, quarterStart, asOf.timeIntervalSince1970])
            return (latest.count, latest.map { $0["number"] as Double }.reduce(0, +) / Double(max(latest.count, 1)))
        }
        #expect(answered >= 3, "the demo answers the pulse survey this quarter")
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/api/reports/pulse", method: .get).status == .unauthorized)
            let response = try await client.execute(uri: "/api/reports/pulse?as_of=2026-11-20", method: .get, headers: ServerTests.auth)
            #expect(response.status == .ok)
            let body = try ServerTests.json(response)
            #expect(body["quarter"] as? String == "2026-Q4")
            let surveys = try #require(body["surveys"] as? [[String: Any]])
            let health = try #require(surveys.first { $0["id"] as? String == "channel-health" })
            let questions = try #require(health["questions"] as? [[String: Any]])
            #expect(questions.map { $0["id"] as? String } == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"])
            let overall = try #require(questions[0]["overall"] as? [String: Any])
            #expect(overall["people"] as? Int == answered)
            let mean = try #require((overall["mean"] as? [String: Any])?["mean"] as? Double)
            #expect(abs(mean - meanOfLatest) < 1e-9)
            let partners = try #require(questions[0]["partners"] as? [[String: Any]])
            for partner in partners where (partner["people"] as? Int ?? 0) < 3 {
                #expect(partner["withheld"] as? String == "fewer than 3 people")
                #expect(partner["distribution"] == nil && (partner["mean"] as? [String: Any])?["mean"] == nil)
            }
            let bad = try await client.execute(uri: "/api/reports/pulse?as_of=yesterday", method: .get, headers: ServerTests.auth)
            #expect(bad.status == .badRequest)

            let csv = try await client.execute(uri: "/api/reports/pulse?as_of=2026-11-20&format=csv", method: .get, headers: ServerTests.auth)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = String(buffer: csv.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
            #expect(rows.first?.prefix(3) == ["survey", "question", "group"])
            let overallMean = try #require(rows.first { $0.prefix(4) == ["channel-health", "q1", "all", "all"] })
            #expect(overallMean[5] == String(answered))
            #expect(abs((Double(overallMean[9]) ?? 0) - meanOfLatest) < 1e-4)
            for row in rows.dropFirst() where (Int(row[5]) ?? 0) < 3 {
                #expect(row[7] == "fewer than 3 people" && row[9].isEmpty, "withheld figures stay empty: \(row)")
            }
            let xml = try await client.execute(uri: "/api/reports/pulse?format=xml", method: .get, headers: ServerTests.auth)
            #expect(xml.status == .badRequest)
            #expect(try ServerTests.error(xml)["field"] as? String == "format")
        }
    }

    @Test func thePartnersReportAsCSVHasOneRowPerPartner() async throws {
        let (app, _) = try await EngagementReportsTests.seededApp()
        try await app.test(.router) { client in
            let json = try ServerTests.json(try await client.execute(uri: "/api/reports/partners?as_of=2026-11-20", method: .get, headers: ServerTests.auth))
            let partners = try #require(json["partners"] as? [[String: Any]])
            let csv = try await client.execute(uri: "/api/reports/partners?as_of=2026-11-20&format=csv", method: .get, headers: ServerTests.auth)
            #expect(csv.status == .ok)
            let lines = String(buffer: csv.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == partners.count + 1)
            let first = try #require(partners.first)
            let row = try #require(lines.first { $0.hasPrefix((first["id"] as? String ?? "?") + ",") })
            let rate = ((first["ack_rate"] as? [String: Any])?["rate"] as? Double).map { String(format: "%.4f", $0) } ?? ""
            #expect(row.components(separatedBy: ",")[6] == rate)
        }
    }
}
