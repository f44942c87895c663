import DecayCore
import Foundation

/// A rendered request body for one platform, ready for the delivery worker to send.
public struct ChatPayload: Sendable, Equatable {
    /// HTTP methods the platforms expect: webhooks take POST, Matrix sends with PUT.
    public enum Method: String, Sendable, Equatable {
        case post = "POST"
        case put = "PUT"
    }

    public var format: ChatFormat
    /// UTF-8 JSON with sorted keys, so equal input gives equal bytes.
    public var body: Data
    public var method: Method
    /// Appended to the configured endpoint; Matrix needs `send/m.room.message/{txnId}`, the others nothing.
    public var pathSuffix: String?

    public init(format: ChatFormat, body: Data, method: Method = .post, pathSuffix: String? = nil) {
        self.format = format
        self.body = body
        self.method = method
        self.pathSuffix = pathSuffix
    }
}
