import CCurl
import Foundation

/// Posts over libcurl's multi interface: one dedicated thread drives every transfer, so no blocking call
/// ever runs on Swift's cooperative pool, and connections stay alive in the multi handle's shared pool.
public struct CurlClient: Sendable {
    private let engine: CurlMultiEngine

    /// `maxConnections` bounds open connections across all hosts (and so the parallelism per host).
    public init(maxConnections: Int = 64) {
        self.engine = CurlMultiEngine(maxConnections: maxConnections)
    }

    public func send(_ post: HTTPPost) async throws(HTTPTransportError) -> HTTPResult {
        let result: Result<HTTPResult, HTTPTransportError> = await withCheckedContinuation { continuation in
            self.engine.submit(post) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// Starts a post and calls `completion` from the transfer thread when it ends; for callers that batch outcomes.
    public func start(_ post: HTTPPost, completion: @escaping @Sendable (Result<HTTPResult, HTTPTransportError>) -> Void) {
        self.engine.submit(post, completion: completion)
    }
}

/// `curl_global_init` must run once per process before any handle exists.
enum CurlGlobal {
    private static let once: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    static func initialize() {
        _ = self.once
    }
}
