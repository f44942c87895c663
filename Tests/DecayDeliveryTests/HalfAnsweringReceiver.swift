import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 receiver that reads every request in full and counts it per `Idempotency-Key`, answers the
/// first request on each connection (200, kept alive) and closes the connection after reading the second, without
/// a word: a receiver that acted on a post and died before answering. Plain sockets on its own threads.
final class HalfAnsweringReceiver: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(listener, raw, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, raw, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    /// Requests read in full, per idempotency key.
    var arrivals: [String: Int] {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.counts
    }

    func stop() {
        shutdown(self.listener, Int32(SHUT_RDWR))
        close(self.listener)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(self.listener, nil, nil)
            guard connection >= 0 else { return }
            Thread { [self] in self.serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer: [UInt8] = []
        for served in 0..<2 {
            guard let key = Self.readRequest(connection, buffer: &buffer) else { return }
            self.lock.lock()
            self.counts[key, default: 0] += 1
            self.lock.unlock()
            guard served == 0 else { return }
            let answer = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8)
            guard send(connection, answer, answer.count, Int32(MSG_NOSIGNAL)) == answer.count else { return }
        }
    }

    /// Reads one request (headers and Content-Length body) and returns its Idempotency-Key, or nil when the peer closed.
    private static func readRequest(_ connection: Int32, buffer: inout [UInt8]) -> String? {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.indices.dropLast(3).first { Array(buffer[$0..<$0 + 4]) == separator }
            if headEnd == nil, !self.receive(connection, into: &buffer) { return nil }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        var fields: [String: String] = [:]
        for line in head.split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let total = headEnd! + 4 + (fields["content-length"].flatMap { Int($0) } ?? 0)
        while buffer.count < total {
            guard self.receive(connection, into: &buffer) else { return nil }
        }
        buffer.removeFirst(total)
        return fields["idempotency-key"] ?? ""
    }

    private static func receive(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(connection, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }
}
