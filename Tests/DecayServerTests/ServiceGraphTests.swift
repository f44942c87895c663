import DecayCore
import DecayServer
import DecayStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The service as `decay serve` runs it, on a real socket: small promises a user relies on.
@Suite("Service graph on a real socket")
struct ServiceGraphTests {
    static func app(idleTimeoutSeconds: Int64 = 60) async throws -> some ApplicationProtocol {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decay-graph-\(UUID().uuidString)")
        let database = try await AppDatabase.open(path: directory.appendingPathComponent("decay.sqlite").path)
        let catalog = try ContentCatalog.load(
            messagesDirectory: ServerTests.repoRoot.appendingPathComponent("messages").path,
            surveysDirectory: ServerTests.repoRoot.appendingPathComponent("surveys").path
        ).get()
        let settings = ServerSettings(
            host: "127.0.0.1", port: 0, adminToken: ServerTests.token, secrets: try ServerTests.secrets(), idleTimeoutSeconds: idleTimeoutSeconds)
        return buildApplication(settings: settings, database: database, catalog: catalog, logger: Logger(label: "test"))
    }

    @Test func headHealthAnswersLikeGetAndUnknownAPIPathsNeedTheToken() async throws {
        try await Self.app().test(.live) { client in
            let get = try await client.execute(uri: "/health", method: .get)
            let head = try await client.execute(uri: "/health", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes), "the length GET's body has")
            #expect(head.headers[.contentType] == get.headers[.contentType])
            let unknown = try await client.execute(uri: "/api/no-such-thing", method: .get)
            #expect(unknown.status == .unauthorized)
            let known = try await client.execute(uri: "/api/no-such-thing", method: .get, headers: ServerTests.auth)
            #expect(known.status == .notFound)
        }
    }

    /// A client that sends half a request and stops is cut off once the idle timeout passes.
    @Test func aHalfSentRequestIsClosedAfterTheIdleTimeout() async throws {
        try await Self.app(idleTimeoutSeconds: 1).test(.live) { client in
            let port = try #require(client.port)
            let closedAfter = try await OffPool.run { try Self.secondsUntilClosed(port: port, sending: "GET /health HTTP/1.1\r\nHost: x\r\n") }
            #expect(closedAfter < 5, "closed after \(closedAfter) s")
        }
    }

    /// Connects, sends `text`, then waits (at most 10 s) until the server closes the connection.
    static func secondsUntilClosed(port: Int, sending text: String) throws -> Double {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        var buffer = [UInt8](repeating: 0, count: 1024)
        while recv(fd, &buffer, buffer.count, 0) > 0 {}
        return Date().timeIntervalSince(started)
    }
}
