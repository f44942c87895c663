import CCurl
import Foundation

/// Which chat URLs the service may post to. Only `https`, and never to private, loopback, link-local or
/// metadata addresses (checked again on every connect, after DNS), unless the host is listed in
/// `DECAY_ALLOW_HOSTS` (`host[:port]`, comma-separated), which allows plain http and private addresses for it.
public struct DestinationPolicy: Sendable, Equatable {
    public struct AllowedHost: Sendable, Hashable {
        public var host: String
        public var port: Int?

        public init(host: String, port: Int? = nil) {
            self.host = host.lowercased()
            self.port = port
        }
    }

    /// What a URL may do once accepted.
    public struct Permit: Sendable, Equatable {
        public var allowPrivateAddresses: Bool

        public init(allowPrivateAddresses: Bool) {
            self.allowPrivateAddresses = allowPrivateAddresses
        }
    }

    public var allowedHosts: Set<AllowedHost>

    public init(allowedHosts: Set<AllowedHost> = []) {
        self.allowedHosts = allowedHosts
    }

    /// Parses `DECAY_ALLOW_HOSTS`, e.g. `127.0.0.1,localhost:8080,[::1]:9000`.
    public static func parse(allowHosts text: String) throws(DestinationPolicyError) -> DestinationPolicy {
        var hosts: Set<AllowedHost> = []
        for raw in text.split(separator: ",") {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            guard let host = Self.allowedHost(entry) else {
                throw DestinationPolicyError(
                    url: entry, reason: "DECAY_ALLOW_HOSTS: '\(entry)' is not host[:port] (e.g. 127.0.0.1 or localhost:8080)"
                )
            }
            hosts.insert(host)
        }
        return DestinationPolicy(allowedHosts: hosts)
    }

    /// Accepts or refuses a destination before anything is sent; the connect-time guard enforces the rest.
    public func check(_ url: String) -> Result<Permit, DestinationPolicyError> {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host?.lowercased(), !host.isEmpty
        else {
            return .failure(DestinationPolicyError(url: url, reason: "not an absolute URL like https://hooks.example.com/..."))
        }
        let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard scheme == "https" || scheme == "http" else {
            return .failure(DestinationPolicyError(url: url, reason: "scheme '\(scheme)' is not https"))
        }
        if self.allows(host: bareHost, port: port) {
            return .success(Permit(allowPrivateAddresses: true))
        }
        guard scheme == "https" else {
            return .failure(DestinationPolicyError(url: url, reason: "plain http is allowed only for hosts in DECAY_ALLOW_HOSTS; use https"))
        }
        if bareHost == "localhost" || bareHost.hasSuffix(".localhost") || ccurl_address_text_forbidden(bareHost) == 1 {
            return .failure(DestinationPolicyError(
                url: url, reason: "\(bareHost) is a private, loopback, link-local, metadata or other special-purpose address; allow it with DECAY_ALLOW_HOSTS"
            ))
        }
        return .success(Permit(allowPrivateAddresses: false))
    }

    private func allows(host: String, port: Int) -> Bool {
        self.allowedHosts.contains(AllowedHost(host: host, port: nil)) || self.allowedHosts.contains(AllowedHost(host: host, port: port))
    }

    private static func allowedHost(_ entry: String) -> AllowedHost? {
        guard let components = URLComponents(string: "http://" + entry), let host = components.host, !host.isEmpty,
              components.path.isEmpty, components.query == nil, components.user == nil
        else { return nil }
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        return AllowedHost(host: bare, port: components.port)
    }
}

/// A destination the policy refuses, with the URL and what would make it acceptable.
public struct DestinationPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var reason: String

    public var description: String { "\(self.url): \(self.reason)" }
}
