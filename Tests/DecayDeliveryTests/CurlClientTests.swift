import DecayDelivery
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("libcurl client")
struct CurlClientTests {
    /// A loopback sink that echoes what it received, standing in for a chat webhook.
    static func sink() -> some ApplicationProtocol {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers = HTTPFields()
            headers[.contentType] = request.headers[.contentType] ?? "none"
            headers[HTTPField.Name("X-Seen-Token")!] = request.headers[HTTPField.Name("X-Token")!] ?? "none"
            headers[.retryAfter] = "7"
            return Response(status: .accepted, headers: headers, body: .init(byteBuffer: body))
        }
        router.post("fail") { _, _ -> Response in Response(status: .serviceUnavailable) }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    @Test func postsToALoopbackServer() async throws {
        let client = CurlClient()
        try await Self.sink().test(.live) { testClient in
            let port = try #require(testClient.port)
            let post = HTTPPost(
                url: "http://127.0.0.1:\(port)/hook",
                headers: [("Content-Type", "application/json"), ("X-Token", "abc")],
                body: Array(#"{"text":"hello"}"#.utf8),
                allowPrivateAddresses: true
            )
            let result = try await client.send(post)
            #expect(result.status == 202)
            #expect(String(decoding: result.body, as: UTF8.self) == #"{"text":"hello"}"#)
            #expect(result.headers["x-seen-token"] == "abc")
            #expect(result.headers["retry-after"] == "7")

            let failed = try await client.send(HTTPPost(url: "http://127.0.0.1:\(port)/fail", body: [], allowPrivateAddresses: true))
            #expect(failed.status == 503)
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let client = CurlClient()
        await #expect(throws: HTTPTransportError.self) {
            try await client.send(HTTPPost(url: "http://127.0.0.1:1/hook", body: Array("x".utf8), connectTimeout: 2, totalTimeout: 3, allowPrivateAddresses: true))
        }
    }

    @Test func guardRefusesLoopbackAfterResolvingTheName() async throws {
        let client = CurlClient()
        try await Self.sink().test(.live) { testClient in
            let port = try #require(testClient.port)
            for url in ["http://localhost:\(port)/hook", "http://127.0.0.1:\(port)/hook", "http://[::ffff:127.0.0.1]:\(port)/hook"] {
                let error = await #expect(throws: HTTPTransportError.self) {
                    try await client.send(HTTPPost(url: url, body: Array("x".utf8)))
                }
                #expect(error?.isBlocked == true, "\(url)")
            }
        }
    }

    @Test func manyConcurrentPostsShareTheEngine() async throws {
        let client = CurlClient(maxConnections: 8)
        try await Self.sink().test(.live) { testClient in
            let port = try #require(testClient.port)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let body = Array("post \(index)".utf8)
                        // Generous timeouts: this is about 200 posts sharing 8 connections, not about speed, and a CI
                        // machine running every suite at once can hold the loopback sink for many seconds.
                        let post = HTTPPost(
                            url: "http://127.0.0.1:\(port)/hook", body: body, connectTimeout: 60, totalTimeout: 120, allowPrivateAddresses: true)
                        let result = try await client.send(post)
                        #expect(result.body == body)
                        return result.status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 202 })
        }
    }
}
