import Foundation

/// Who is due a re-check, when, on which key points and why: the planner's answer, as `decay recheck` prints it.
public struct RecheckPlan: Sendable, Equatable, Codable {
    public struct Point: Sendable, Equatable, Codable {
        public var keyPoint: String
        /// The question to ask: a quiz question on the key point the rep has not answered right in the last `min_days`.
        public var survey: String
        public var question: String
        /// Predicted probability that the rep still knows the point, now and at the send time.
        public var recallNow: Double
        public var recallAtSend: Double
    }

    public struct Due: Sendable, Equatable, Codable {
        public var person: String
        public var name: String
        public var partner: String?
        public var message: String
        public var version: Int
        /// 10:00 on the rep's next working day, in their time zone.
        public var sendAt: Date
        public var timezone: String
        public var target: Double
        /// The weakest key points first.
        public var points: [Point]
        public var reason: String
    }

    public var asOf: Date
    /// How the personal model was fitted: on how many graded answers, or why the population curve alone is used.
    public var model: String
    public var due: [Due]
    /// Messages left out, with why (`recheck: off`, no quiz question, no answers to fit).
    public var skipped: [String: String]
}
