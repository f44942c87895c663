import DecayStore
import Foundation
import Hummingbird

/// hummingbird-auth's session storage on the `dashboard_session` table: sessions survive restarts and signing out
/// deletes the row, so a stolen cookie stops working at once. A manager's row names the manager, for erasure.
struct SessionPersistDriver: PersistDriver {
    let store: any SessionRepository

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await self.store.setSession(
            key: key, value: try JSONEncoder().encode(value), person: Self.person(value), expiresAt: Self.date(expires), onlyIfNew: true)
        else { throw PersistError.duplicate }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        _ = try await self.store.setSession(
            key: key, value: try JSONEncoder().encode(value), person: Self.person(value), expiresAt: Self.date(expires), onlyIfNew: false)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await self.getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let now = Date()
        guard let row = try await self.store.session(key: key, now: now) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: row.value) else { throw PersistError.invalidConversion }
        return (object, row.expiresAt.map { .seconds(Int64($0.timeIntervalSince(now).rounded(.down))) })
    }

    func remove(key: String) async throws {
        try await self.store.removeSession(key: key)
    }

    /// The manager a session belongs to, stored beside it so that erasing the manager ends it.
    private static func person<Object>(_ value: Object) -> String? {
        (value as? DashboardSession)?.viewer.manager
    }

    private static func date(_ expires: Duration?) -> Date? {
        expires.map { Date().addingTimeInterval(Double($0.components.seconds)) }
    }
}
