import DecayChat
import DecayCore
import DecayStore
import Foundation

/// What a broadcast does (or, with `--dry-run`, would do): who it reaches and which posts go where.
public struct BroadcastPlan: Sendable, Equatable, Codable {
    public struct Post: Sendable, Equatable, Codable {
        public var partner: String
        public var format: ChatFormat
        /// Scheme and host only: chat webhook URLs carry secrets and never appear in output.
        public var destination: String
        public var people: Int
        public var outboxID: Int64?
    }

    public struct Skipped: Sendable, Equatable, Codable {
        public var partner: String
        public var reason: String
    }

    public var message: String
    public var version: Int
    public var survey: String?
    public var audience: String
    public var dryRun: Bool
    public var partners: Int
    /// People at partners whose post is queued: only they get a delivery (unless they already had this version).
    public var people: Int
    public var posts: [Post]
    public var skipped: [Skipped]
    public var broadcastID: Int64?
    public var newDeliveries: Int?
    public var existingDeliveries: Int?
}
