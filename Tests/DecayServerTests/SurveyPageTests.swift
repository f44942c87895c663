import DecayCore
import DecayInbound
import DecayStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Quick-survey page")
struct SurveyPageTests {
    static func token(person: String = "rep-0042", survey: String = "channel-health", expires: Date = Date().addingTimeInterval(86_400)) throws -> String {
        try ServerTests.secrets().links.token(for: SurveyToken(person: person, survey: survey, expires: expires))
    }


    @Test func aPersonOpensTheLinkAnswersOnceAndResubmittingChangesNothing() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await EventWebhookTests.seedDirectory(database)
        let survey = try #require(try ServerTests.pipeline(database).catalog.surveys["channel-health"])
        let form = Self.formBody(for: survey)
        let token = try Self.token()
        try await app.test(.live) { client in
            let page = try await client.execute(uri: "/s/\(token)", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: page.body)
            #expect(html.contains("Maya Johnson"))
            #expect(!html.contains("<script"))
            #expect(html.contains("action=\"/s/\(token)\""))

            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let incomplete = try await client.execute(uri: "/s/\(token)", method: .post, headers: headers, body: ByteBuffer(string: "q.q1=8"))
            #expect(incomplete.status == .unprocessableContent)
            #expect(String(buffer: incomplete.body).contains("role=\"alert\""))

            let sent = try await client.execute(uri: "/s/\(token)", method: .post, headers: headers, body: ByteBuffer(string: form))
            #expect(sent.status == .ok)
            #expect(String(buffer: sent.body).contains("Thanks"))
            let again = try await client.execute(uri: "/s/\(token)", method: .post, headers: headers, body: ByteBuffer(string: form))
            #expect(again.status == .ok)
            #expect(String(buffer: again.body).contains("already"))
            let reopened = try await client.execute(uri: "/s/\(token)", method: .get)
            #expect(String(buffer: reopened.body).contains("already"))
        }
        let stored = try await database.responses(person: "rep-0042", survey: "channel-health")
        #expect(stored.count == 1)
        #expect(stored[0].source == "page")
    }

    @Test func badAndExpiredLinksGetAPage() async throws {
        let (app, _) = try await ServerTests.makeApp()
        let expired = try Self.token(expires: Date().addingTimeInterval(-60))
        let valid = try Self.token()
        let altered = String(valid.dropLast()) + (valid.last == "A" ? "B" : "A")
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/s/\(expired)", method: .get).status == .gone)
            #expect(try await client.execute(uri: "/s/\(altered)", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/s/not-a-token", method: .get).status == .notFound)
            let unknownPerson = try await client.execute(uri: "/s/\(valid)", method: .get)
            #expect(unknownPerson.status == .notFound)
            #expect(String(buffer: unknownPerson.body).contains("We could not find you"))
        }
    }

    @Test func adminsCanMintLinks() async throws {
        let (app, database) = try await ServerTests.makeApp()
        try await EventWebhookTests.seedDirectory(database)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/links?person=rep-0042&survey=vault-3-check&days=7", method: .get, headers: ServerTests.auth)
            #expect(response.status == .ok)
            let url = try #require(try ServerTests.json(response)["url"] as? String)
            let path = String(url[try #require(url.range(of: "/s/")).lowerBound...])
            #expect(try await client.execute(uri: path, method: .get).status == .ok)
            let unknown = try await client.execute(uri: "/api/links?person=nobody&survey=vault-3-check", method: .get, headers: ServerTests.auth)
            #expect(try ServerTests.error(unknown)["field"] as? String == "person")
        }
    }

    /// A complete, valid answer set: the first option, the scale's maximum, text for free text.
    static func formBody(for survey: Survey) -> String {
        survey.questions.map { question -> String in
            switch question.kind {
            case .scale: return "q.\(question.id)=\(question.max ?? 1)"
            case .freeText: return "q.\(question.id)=More+demo+licences+%E2%80%94+bitte"
            default: return "q.\(question.id)=\(question.choices[0].id)"
            }
        }.joined(separator: "&")
    }
}
