import DecayChat
import DecayCore
import DecayStore
import Foundation

/// What a broadcast does (or, with `--dry-run`, would do): who it reaches and which posts go where.
public struct BroadcastPlan: Sendable, Equatable, Codable {
    public struct Post: Sendable, Equatable, Codable {
        public var partner: String
        public var format: ChatFormat
        /// Scheme and host only: chat webhook URLs carry secrets and never appear in output.
        public var destination: String
        public var people: Int
        public var outboxID: Int64?
    }

    public struct Skipped: Sendable, Equatable, Codable {
        public var partner: String
        public var reason: String
    }

    public var message: String
    public var version: Int
    public var survey: String?
    public var audience: String
    public var dryRun: Bool
    public var partners: Int
    public var people: Int
    public var posts: [Post]
    public var skipped: [Skipped]
    public var broadcastID: Int64?
    public var newDeliveries: Int?
    public var existingDeliveries: Int?
}

/// A broadcast request that cannot be carried out, naming the field at fault.
public struct BroadcastError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(self.field): \(self.message)" }
}

extension OutboxItem {
    /// The post of a rendered chat payload to a configured destination: Matrix's path joined to the URL,
    /// the renderer's method, and a JSON content type.
    init(idempotencyKey: String, kind: String, payload: ChatPayload, to chat: ChatDestination) {
        self.init(
            idempotencyKey: idempotencyKey, kind: kind, format: chat.format.rawValue, destination: chat.url,
            url: OutboxURL.appending(payload.pathSuffix, to: chat.url), method: payload.method.rawValue,
            headers: [OutboxHeader("Content-Type", "application/json")], body: payload.body
        )
    }
}

/// Joins a configured chat URL and a renderer's path suffix (Matrix), keeping any query string.
public enum OutboxURL {
    public static func appending(_ suffix: String?, to destination: String) -> String {
        guard let suffix, var components = URLComponents(string: destination) else { return destination }
        let path = components.percentEncodedPath
        components.percentEncodedPath = (path.hasSuffix("/") ? path : path + "/") + suffix
        return components.string ?? destination
    }

    /// `https://hooks.slack.com/…`: enough to recognise the destination, nothing secret.
    public static func redacted(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return "(invalid URL)" }
        let port = components.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)/…"
    }
}
