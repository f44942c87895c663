import Foundation

/// Per key point: how many still know it, how fast it decays, what wrong answer is spreading, and relay loss.
public struct MessageReport: Sendable, Codable {
    public struct Rate: Sendable, Codable, Equatable {
        public var correct: Int
        public var answers: Int
        public var people: Int
        /// Nil when fewer than 3 people answered: no percentage is shown from so few.
        public var rate: Double?
        public var low: Double?
        public var high: Double?
        public var text: String
    }

    public struct Estimate: Sendable, Codable, Equatable {
        /// Nil when the data cannot support the figure; `note` says why.
        public var value: Double?
        public var low: Double?
        public var high: Double?
        public var note: String

        public init(value: Double?, low: Double?, high: Double?, note: String) {
            self.value = value
            self.low = low
            self.high = high
            self.note = note
        }
    }

    public struct WrongAnswer: Sendable, Codable, Equatable {
        public var questionID: String
        public var optionID: String
        public var text: String
        public var count: Int
        /// Share of the wrong answers to that question.
        public var share: Double
    }

    public struct KeyPointReport: Sendable, Codable {
        public var id: String
        public var text: String
        public var weight: Double
        /// Each person's latest quiz answer on this point.
        public var correctNow: Rate
        public var halfLifeDays: Estimate
        public var initialLearning: Estimate
        /// Projected share still knowing the point (no guessing) 30, 60 and 90 days after a direct delivery.
        public var projected: [String: Estimate]
        /// All quiz answers on this point by relay hops from the vendor ("0", "1", "2+").
        public var byHops: [String: Rate]
        public var mostCommonWrongAnswer: WrongAnswer?
        /// Free-text answers scored against this point.
        public var freeTextPresent: Int
        public var freeTextMissing: Int
        public var freeTextDistorted: Int
        /// People whose latest word on the point (quiz answer, free text or relay) still carries an older version's
        /// claim, per version, newest first; empty when no older version changed the point.
        public var stillOnOldVersion: [OldVersionCount] = []
        /// The fitted curve every 3 days from 0 to 90 as the expected share answering correctly after a direct
        /// delivery (knowledge plus the questions' guessing floor), so it compares with `observed`; empty when unfitted.
        public var curve: [CurvePoint] = []
        /// Direct deliveries' quiz answers in 7-day delay bins; a bin from fewer than 3 people has no rate.
        public var observed: [DelayBin] = []
        /// The longest delay observed on a direct delivery: beyond it the curve is a projection.
        public var observedThroughDays: Double?
        /// The mean chance of guessing right on the point's direct quiz answers (1/options; 0 for multiple choice):
        /// the floor `curve` stands on, and what turns a knowledge target into a share answering correctly.
        public var guessFloor: Double = 0
    }

    /// The fitted curve at one day, with its 95% bootstrap interval when there is one.
    public struct CurvePoint: Sendable, Codable, Equatable {
        public var days: Double
        public var share: Double
        public var low: Double?
        public var high: Double?
    }

    /// Quiz answers given `fromDay..<toDay` days after a direct delivery: their mean delay and share correct.
    public struct DelayBin: Sendable, Codable, Equatable {
        public var fromDay: Int
        public var toDay: Int
        public var meanDays: Double
        public var recall: Rate
    }

    /// One stored version of the message and how its key points differ from the version before.
    public struct VersionReport: Sendable, Codable, Equatable {
        public var version: Int
        public var title: String
        public var loadedAt: Date
        public var added: [String]
        public var removed: [String]
        /// Key points whose text, concepts or distortions changed.
        public var changed: [String]

        public init(version: Int, title: String, loadedAt: Date, added: [String], removed: [String], changed: [String]) {
            self.version = version
            self.title = title
            self.loadedAt = loadedAt
            self.added = added
            self.removed = removed
            self.changed = changed
        }
    }

    /// Where a relay's text carries a distorted key point: UTF-16 offsets `start..<end` (as JavaScript counts).
    public struct Highlight: Sendable, Codable, Equatable {
        public var start: Int
        public var end: Int
        public var keyPoint: String

        public init(start: Int, end: Int, keyPoint: String) {
            self.start = start
            self.end = end
            self.keyPoint = keyPoint
        }
    }

    /// People still carrying one older version of a key point: the distortion "old version (v1)".
    public struct OldVersionCount: Sendable, Codable, Equatable {
        public var version: Int
        public var people: Int
        /// The distortion's name, `old version (v1)`.
        public var distortion: String

        public init(version: Int, people: Int) {
            self.version = version
            self.people = people
            self.distortion = OldVersionClaims.label(version: version)
        }
    }

    public struct RelayReport: Sendable, Codable {
        public var from: String
        public var at: Date
        public var recipients: Int
        /// Nil when no key point could be scored (a language the message gives no concepts for).
        public var fidelity: Double?
        public var missing: [String]
        public var distorted: [String]
        public var rouge1Recall: Double
        /// Each key point's verdict by id: `present`, `missing`, `distorted` or `not scored (language de)`.
        public var points: [String: String] = [:]
        /// The relayed text as the partner wrote it (untrusted: escape before showing).
        public var text: String = ""
        /// The phrases that distort a key point, in text order; a distortion found only after normalising (a
        /// number written another way) has no highlight, but its point is still in `distorted`.
        public var highlights: [Highlight] = []
    }

    public var message: String
    public var version: Int
    public var title: String
    public var quizAnswers: Int
    public var people: Int
    public var keyPoints: [KeyPointReport]
    /// Share of recall kept per relay hop, shared by the message's key points.
    public var retentionPerHop: Estimate
    /// Message-level half-life in days: the geometric mean of the key points', with its interval.
    public var halfLifeDays = Estimate(value: nil, low: nil, high: nil, note: "no quiz answers yet")
    /// Fitted power-law shape `d` of the forgetting curve; when it was assumed instead, no value and `note` says so
    /// ("shape assumed d = 1: ...").
    public var shape = Estimate(value: nil, low: nil, high: nil, note: "no quiz answers yet")
    /// The page of relays asked for, worst fidelity first (the 20 worst unless asked otherwise).
    public var relays: [RelayReport]
    public var meanRelayFidelity: Double?
    /// How many relays there are in all, and how many worse ones come before `relays`, for paging.
    public var relaysTotal: Int = 0
    public var relaysOffset: Int = 0
    /// Distinct people who relayed the message: `meanRelayFidelity` is a share and, like every share, is shown only
    /// when at least 3 people stand behind it.
    public var relayPeople: Int = 0
    /// Every stored version, oldest first, with the key points each changed; empty when none is stored.
    public var versions: [VersionReport] = []
}
