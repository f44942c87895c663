import DecayCore
import Foundation

/// A signed request as it arrived, kept verbatim so that a rejected one can be replayed later.
public struct InboundRequest: Sendable {
    /// `events`, `slack`, `typeform` or `page`.
    public var source: String
    /// The sender's idempotency key (webhook-id, Slack user + action_ts, Typeform token, survey link).
    public var externalID: String
    public var receivedAt: Date
    /// Headers worth keeping for replay and audit; never secrets.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(source: String, externalID: String, receivedAt: Date, headers: [String: String] = [:], body: [UInt8]) {
        self.source = source
        self.externalID = externalID
        self.receivedAt = receivedAt
        self.headers = headers
        self.body = body
    }
}

/// What became of an inbound request; stored with it, so a duplicate gets the original answer.
public struct IngestOutcome: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case accepted
        case rejected
    }

    public var inboundID: Int64
    public var status: Status
    /// True when this request repeated one already stored; nothing changed.
    public var duplicate: Bool
    public var kind: String?
    public var responseID: Int64?
    /// Quiz answers graded and how many were correct, for survey responses.
    public var graded: Int?
    public var correct: Int?
    /// People whose delivery this event recorded (acks and relays).
    public var reached: Int?
    public var error: InboundError?

    public init(
        inboundID: Int64, status: Status, duplicate: Bool = false, kind: String? = nil, responseID: Int64? = nil,
        graded: Int? = nil, correct: Int? = nil, reached: Int? = nil, error: InboundError? = nil
    ) {
        self.inboundID = inboundID
        self.status = status
        self.duplicate = duplicate
        self.kind = kind
        self.responseID = responseID
        self.graded = graded
        self.correct = correct
        self.reached = reached
        self.error = error
    }
}
