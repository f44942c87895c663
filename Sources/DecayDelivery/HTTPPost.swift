/// One outbound POST (or PUT, for Matrix) and what came back.
public struct HTTPPost: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Seconds to wait for the connection, then for the whole exchange.
    public var connectTimeout: Int
    public var totalTimeout: Int

    public init(method: String = "POST", url: String, headers: [(String, String)] = [], body: [UInt8], connectTimeout: Int = 5, totalTimeout: Int = 15) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
    }
}

public struct HTTPResult: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]
}

/// A transfer that never got an HTTP status: DNS, connect, TLS or timeout.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var isTimeout: Bool

    public var description: String { "curl error \(self.code): \(self.message)" }
}
