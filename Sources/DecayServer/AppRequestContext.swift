import DecayCore
import Foundation
import Hummingbird

/// The request context of every route: it encodes answers and decodes bodies in the one ``JSONStyle``.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    public var requestDecoder: JSONDecoder { JSONStyle.decoder }
    public var responseEncoder: JSONEncoder { JSONStyle.encoder }
}
