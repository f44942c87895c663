import DecayCore
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context of every route: it encodes answers and decodes bodies in the one ``JSONStyle``, carries the
/// dashboard session (loaded only on dashboard routes) and the client address the sign-in limit counts by.
public struct AppRequestContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<DashboardSession>
    /// The peer's IP address, nil when the channel has none (tests on an in-process router).
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.sessions = .init()
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    public var requestDecoder: JSONDecoder { JSONStyle.decoder }
    public var responseEncoder: JSONEncoder { JSONStyle.encoder }
}
