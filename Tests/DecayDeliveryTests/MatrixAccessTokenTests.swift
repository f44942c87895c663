import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation
import Testing

/// The Matrix token configured in `chat_url` travels as `Authorization: Bearer`, never in the request URL.
struct MatrixAccessTokenTests {
    static let room = "https://matrix.example.com/_matrix/client/v3/rooms/%21abc%3Aexample.com"

    @Test(arguments: [
        (room + "?access_token=syt_abc", room, "syt_abc"),
        (room + "?via=example.com&access_token=syt%2Fa%2Bb&x=1", room + "?via=example.com&x=1", "syt/a+b"),
        (room, room, nil),
        (room + "?access_token=", room, nil),
        (room + "?via=example.com", room + "?via=example.com", nil),
    ] as [(String, String, String?)])
    func splitsTheTokenOffTheURL(url: String, rest: String, token: String?) {
        let split = MatrixAccessToken.split(url)
        #expect(split.url == rest)
        #expect(split.token == token)
    }

    @Test func matrixPostCarriesTheTokenInAHeaderOnly() throws {
        let payload = ChatPayload(format: .matrix, body: Data("{}".utf8), method: .put, pathSuffix: "send/m.room.message/key-1")
        let item = OutboxItem(
            idempotencyKey: "key-1", kind: "broadcast", payload: payload,
            to: ChatDestination(format: .matrix, url: Self.room + "?access_token=syt_secret"))
        #expect(item.url == Self.room + "/send/m.room.message/key-1")
        #expect(!item.url.contains("syt_secret"))
        #expect(item.headers.contains(OutboxHeader("Authorization", "Bearer syt_secret")))
        #expect(item.method == "PUT")
    }

    /// Only Matrix URLs lose their `access_token`: another platform's URL is its own business and is posted as configured.
    @Test func otherFormatsKeepTheirURL() throws {
        let url = "https://hooks.example.com/hook?access_token=keep"
        let payload = ChatPayload(format: .slack, body: Data("{}".utf8))
        let item = OutboxItem(idempotencyKey: "k", kind: "broadcast", payload: payload, to: ChatDestination(format: .slack, url: url))
        #expect(item.url == url)
        #expect(!item.headers.contains { $0.name == "Authorization" })
    }
}
