import DecayDelivery
import DecayStore
import Foundation

/// A post as listings show it (`decay outbox list --json`, `GET /api/outbox`): no body or full URL, since chat
/// webhook URLs are secrets; the destination's scheme and host only.
public struct OutboxPostSummary: Encodable, Sendable {
    public var id: Int64
    public var idempotencyKey: String
    public var kind: String
    public var format: String
    public var destination: String
    public var status: OutboxStatus
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var deliveredAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date

    public init(_ entry: OutboxEntry) {
        self.id = entry.id
        self.idempotencyKey = entry.idempotencyKey
        self.kind = entry.kind
        self.format = entry.format
        self.destination = OutboxURL.redacted(entry.destination)
        self.status = entry.status
        self.attempts = entry.attempts
        self.nextAttemptAt = entry.status == .pending ? entry.nextAttemptAt : nil
        self.deliveredAt = entry.deliveredAt
        self.lastStatus = entry.lastStatus
        self.lastError = entry.lastError
        self.createdAt = entry.createdAt
    }
}
