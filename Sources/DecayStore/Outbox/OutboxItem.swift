import Foundation

/// A post to be delivered: written in the same transaction as the broadcast or digest that caused it.
public struct OutboxItem: Sendable, Equatable {
    /// Unique per post (`broadcast:12:partner:p-7`, `digest:cm-1:2026-W47`): enqueueing it twice stores one row,
    /// and receivers see it as `Idempotency-Key` / `webhook-id` on every attempt.
    public var idempotencyKey: String
    /// `broadcast`, `digest` or `test`.
    public var kind: String
    public var format: String
    /// The configured chat URL; rate limits and 410-disabling apply per destination.
    public var destination: String
    /// Where the request goes: the destination, plus a path for Matrix.
    public var url: String
    public var method: String
    public var headers: [OutboxHeader]
    public var body: Data
    public var broadcastID: Int64?

    public init(
        idempotencyKey: String, kind: String, format: String, destination: String, url: String,
        method: String = "POST", headers: [OutboxHeader] = [], body: Data, broadcastID: Int64? = nil
    ) {
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.format = format
        self.destination = destination
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.broadcastID = broadcastID
    }
}

public struct OutboxHeader: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Where a post stands: waiting (first try or a retry), delivered, or given up.
public enum OutboxStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    case dead
}

/// One stored post, as the worker sends it and `decay outbox list` shows it.
public struct OutboxEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var idempotencyKey: String
    public var kind: String
    public var format: String
    public var destination: String
    public var url: String
    public var method: String
    public var headers: [OutboxHeader]
    public var body: Data
    public var status: OutboxStatus
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?
}

/// What the worker learned from one attempt, written back in batches.
public enum OutboxResult: Sendable, Equatable {
    case delivered(id: Int64, status: Int, at: Date)
    case retry(id: Int64, status: Int?, error: String, next: Date)
    case dead(id: Int64, status: Int?, error: String)
    /// 410 Gone: the post is dead and its destination is disabled, with every other pending post to it.
    case gone(id: Int64, destination: String, error: String)

    public var id: Int64 {
        switch self {
        case .delivered(let id, _, _), .retry(let id, _, _, _), .dead(let id, _, _), .gone(let id, _, _): id
        }
    }
}
