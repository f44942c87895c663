/// One outbound POST (or PUT, for Matrix) and what came back.
public struct HTTPPost: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Seconds to wait for the connection, then for the whole exchange.
    public var connectTimeout: Int
    public var totalTimeout: Int
    /// Lets the transfer connect to loopback and private addresses; only for hosts in `DECAY_ALLOW_HOSTS`.
    public var allowPrivateAddresses: Bool

    public init(
        method: String = "POST",
        url: String,
        headers: [(String, String)] = [],
        body: [UInt8],
        connectTimeout: Int = 5,
        totalTimeout: Int = 15,
        allowPrivateAddresses: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.allowPrivateAddresses = allowPrivateAddresses
    }
}

public struct HTTPResult: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A transfer that never got an HTTP status: DNS, connect, TLS, timeout, or an address the SSRF guard refused.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var isTimeout: Bool
    /// The destination resolved to a private, loopback, link-local, metadata or other special-purpose address and was not allowed.
    public var isBlocked: Bool

    public init(code: Int, message: String, isTimeout: Bool = false, isBlocked: Bool = false) {
        self.code = code
        self.message = message
        self.isTimeout = isTimeout
        self.isBlocked = isBlocked
    }

    public var description: String { "curl error \(self.code): \(self.message)" }
}
