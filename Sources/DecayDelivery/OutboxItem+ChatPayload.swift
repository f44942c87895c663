import DecayChat
import DecayCore
import DecayStore
import Foundation

extension OutboxItem {
    /// The post of a rendered chat payload to a configured destination: Matrix's path joined to the URL and its
    /// access token moved into an `Authorization` header, the renderer's method, and a JSON content type.
    public init(idempotencyKey: String, kind: String, payload: ChatPayload, to chat: ChatDestination) {
        var request = (url: OutboxURL.appending(payload.pathSuffix, to: chat.url), headers: [OutboxHeader("Content-Type", "application/json")])
        if chat.format == .matrix {
            request = MatrixAccessToken.authorize(url: request.url, headers: request.headers)
        }
        self.init(
            idempotencyKey: idempotencyKey, kind: kind, format: chat.format.rawValue, destination: chat.url,
            url: request.url, method: payload.method.rawValue, headers: request.headers, body: payload.body
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
