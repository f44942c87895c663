import Foundation

extension Digest {
    /// Re-checks and reminders in the manager's scope: sent in the week and how they went, scheduled for the next
    /// week, and reps who keep missing the same key point (a coaching list for the partner manager). Before and after
    /// are on the digest's one scale: share who know it, guessing removed (``KnowItFigure``).
    public struct RecheckActivity: Sendable, Equatable, Codable {
        /// Reps re-checked in the week (send time in the week, post delivered).
        public var sent: Int
        /// Of those, how many answered the message since.
        public var answered: Int
        /// Each re-checked rep's last answer on each re-checked key point before the re-check.
        public var knowBefore: KnowItFigure
        /// Their first answer on it after the re-check.
        public var knowAfter: KnowItFigure
        /// Re-checks queued with a send time in the 7 days after the cut-off.
        public var scheduled: Int
        /// Reminders sent in the week, and how many of those reps acknowledged or answered since.
        public var nudges: Int
        public var answeredAfterNudge: Int
        public var coaching: [Coaching]

        public init(
            sent: Int, answered: Int, knowBefore: KnowItFigure, knowAfter: KnowItFigure, scheduled: Int, nudges: Int, answeredAfterNudge: Int,
            coaching: [Coaching]
        ) {
            self.sent = sent
            self.answered = answered
            self.knowBefore = knowBefore
            self.knowAfter = knowAfter
            self.scheduled = scheduled
            self.nudges = nudges
            self.answeredAfterNudge = answeredAfterNudge
            self.coaching = coaching
        }

        /// Nothing sent, scheduled or to coach: the section says so in one line.
        public var isEmpty: Bool {
            self.sent == 0 && self.scheduled == 0 && self.nudges == 0 && self.coaching.isEmpty
        }
    }

    /// A rep whose last `misses` answers on a key point were all wrong.
    public struct Coaching: Sendable, Equatable, Codable {
        /// Wrong answers in a row on one key point that put a rep on the list.
        public static let missesInARow = 3

        public var person: String
        public var name: String
        public var message: String
        public var keyPoint: String
        public var keyPointText: String
        public var misses: Int

        public init(person: String, name: String, message: String, keyPoint: String, keyPointText: String, misses: Int) {
            self.person = person
            self.name = name
            self.message = message
            self.keyPoint = keyPoint
            self.keyPointText = keyPointText
            self.misses = misses
        }
    }
}

/// A re-check or reminder as the digest reads it from the store (cancelled ones left out).
public struct DigestContact: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case recheck
        case nudge
    }

    public var kind: Kind
    public var person: String
    public var message: String
    public var keyPoints: [String]
    public var sendAt: Date
    /// Whether the post was delivered.
    public var delivered: Bool

    public init(kind: Kind, person: String, message: String, keyPoints: [String], sendAt: Date, delivered: Bool) {
        self.kind = kind
        self.person = person
        self.message = message
        self.keyPoints = keyPoints
        self.sendAt = sendAt
        self.delivered = delivered
    }
}
