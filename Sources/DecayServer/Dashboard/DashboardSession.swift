import DecayApp
import Foundation

/// One signed-in browser: who it is and the CSRF token its forms carry (random per session, checked on every POST).
public struct DashboardSession: Codable, Sendable, Equatable {
    public var viewer: DashboardViewer
    public var csrf: String
    /// Eight hours, then the browser signs in again.
    static let lifetime: Duration = .seconds(8 * 3600)

    init(viewer: DashboardViewer) {
        self.viewer = viewer
        self.csrf = Self.randomToken()
    }

    /// 32 random bytes as unpadded base64url.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
