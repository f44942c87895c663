import DecayCore
import DecayStore
import Foundation

/// What a re-check pass decided and did: the plan (re-checks and reminders after the weekly cap), the posts it
/// routes them to, who could not be reached, and (unless a dry run) what it queued and cancelled.
public struct RecheckRun: Sendable, Equatable, Codable {
    /// One planned post: a rep's own destination or a partner channel, with the people it names.
    public struct Post: Sendable, Equatable, Codable {
        public var key: String
        public var route: ContactPost.Route
        public var kind: PlannedContact.Kind
        public var partner: String?
        public var format: String
        /// Scheme and host only: chat URLs carry secrets.
        public var destination: String
        public var sendAt: Date
        public var people: [String]
    }

    public struct Unreachable: Sendable, Equatable, Codable {
        public var person: String
        public var message: String
        public var reason: String
    }

    public var asOf: Date
    public var dryRun: Bool
    public var model: String
    public var skipped: [String: String]
    public var contacts: [PlannedContact]
    public var deferred: [ContactSelection.Deferred]
    /// Contacts this pass planned that an earlier pass already queued.
    public var alreadyQueued: Int
    public var unreachable: [Unreachable]
    public var posts: [Post]
    public var queued: ContactQueueResult?
    public var cancelled: CancelledContacts?
}
