import DecayApp
import Foundation

/// One signed-in browser: who it is and the CSRF token its forms carry (random per session, checked on every POST).
public struct DashboardSession: Codable, Sendable, Equatable {
    public var viewer: DashboardViewer
    public var csrf: String
    /// When a manager's scope was last read from the directory (nil in sessions stored before it was kept).
    public var scopeCheckedAt: Date?
    /// Eight hours, then the browser signs in again.
    static let lifetime: Duration = .seconds(8 * 3600)
    /// How long a manager's session trusts the scope it holds before reading the directory again.
    static let scopeRecheck: TimeInterval = 60

    init(viewer: DashboardViewer, now: Date = Date()) {
        self.viewer = viewer
        self.csrf = Self.randomToken()
        self.scopeCheckedAt = now
    }

    /// Whether a manager's scope is due to be read again at `now`; an admin's never is.
    func scopeIsDue(now: Date) -> Bool {
        guard !self.viewer.isAdmin else { return false }
        return self.scopeCheckedAt.map { now.timeIntervalSince($0) >= Self.scopeRecheck || now < $0 } ?? true
    }

    /// 32 random bytes as unpadded base64url.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
