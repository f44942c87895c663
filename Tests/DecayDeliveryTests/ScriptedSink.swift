import Foundation
import HTTPTypes
import Hummingbird

/// A loopback chat webhook that fails in scripted ways, by path, counting attempts per idempotency key:
/// `/ok` 200; `/flaky` 500 twice then 200; `/limited` 429 with Retry-After: 1 once then 200;
/// `/slow` stalls past the client timeout (4.5 s against 3 s) once then 200; `/gone` 410; `/bad` 400; `/delay` 200 after 20 ms.
actor ScriptedSink {
    struct Hit: Sendable {
        var path: String
        var key: String
        var status: Int
        var at: Date
        var headers: [String: String]
        var body: [UInt8]
        /// Answered only after the client's timeout had passed (the scripted `/slow` stall), so the client never saw it.
        var late = false
    }

    private(set) var hits: [Hit] = []
    private var attempts: [String: Int] = [:]

    func attempt(path: String, key: String) -> Int {
        let count = (self.attempts[path + " " + key] ?? 0) + 1
        self.attempts[path + " " + key] = count
        return count
    }

    func record(_ hit: Hit) {
        self.hits.append(hit)
    }

    /// Keys that were answered 2xx more than once: must always be empty.
    /// Keys the client saw a 2xx for more than once; an answer written after the client gave up does not count.
    func deliveredTwice() -> [String] {
        var counts: [String: Int] = [:]
        for hit in self.hits where (200..<300).contains(hit.status) && !hit.late { counts[hit.key, default: 0] += 1 }
        return counts.filter { $0.value > 1 }.map(\.key)
    }

    func delivered(path: String) -> [Hit] {
        self.hits.filter { $0.path == path && (200..<300).contains($0.status) }
    }

    nonisolated func application() -> some ApplicationProtocol {
        let router = Router()
        router.on("{script}", method: .post) { request, context -> Response in
            let script = try context.parameters.require("script")
            let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? ""
            let body = try await request.body.collect(upTo: 1 << 20)
            let attempt = await self.attempt(path: script, key: key)
            var headers = HTTPFields()
            let status: HTTPResponse.Status
            switch script {
            case "ok": status = .ok
            case "flaky": status = attempt <= 2 ? .internalServerError : .ok
            case "limited":
                status = attempt == 1 ? .tooManyRequests : .ok
                if attempt == 1 { headers[.retryAfter] = "1" }
            case "slow":
                if attempt == 1 { try await Task.sleep(for: .milliseconds(4500)) }
                status = .ok
            case "gone": status = .gone
            case "bad": status = .badRequest
            case "delay":
                try await Task.sleep(for: .milliseconds(20))
                status = .ok
            default: status = .notFound
            }
            var seen: [String: String] = [:]
            for field in request.headers { seen[field.name.canonicalName] = field.value }
            let late = script == "slow" && attempt == 1
            await self.record(Hit(path: script, key: key, status: Int(status.code), at: Date(), headers: seen, body: Array(buffer: body), late: late))
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: status == .badRequest ? "invalid_payload" : "ok")))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}
