import Foundation

extension Digest {
    /// One active message among the manager's reps: did it arrive, is it still known, what went wrong on the way.
    public struct MessageLine: Sendable, Equatable, Codable {
        public var id: String
        public var version: Int
        public var title: String
        /// Reps in scope who got it, out of those its audience calls for (and any who got it anyway).
        public var reach: ShareFigure
        /// Of the reps who got it, those who acked.
        public var ackRate: ShareFigure
        /// Each rep's latest quiz answer per key point, pooled over the key points.
        public var correctNow: ShareFigure
        public var keyPoints: [KeyPointLine]
        /// The wrong belief held or passed on by the most people; nil when nothing wrong was seen.
        public var distortion: Distortion?
        public var relayLoss: RelayLoss
        /// The reps' latest answers on the one scale the digest shows: share who know it, guessing removed.
        public var knowNow: KnowItFigure
        /// Where the fitted curves take that share by a week after the cut-off; nil without a reported fit.
        public var projected: Projection?
        /// People in scope whose latest word on a key point still carries an older version, per version.
        public var stillOnOldVersion: [OldVersionLine]

        public init(
            id: String, version: Int, title: String, reach: ShareFigure, ackRate: ShareFigure, correctNow: ShareFigure,
            keyPoints: [KeyPointLine], distortion: Distortion?, relayLoss: RelayLoss,
            knowNow: KnowItFigure = KnowItFigure(share: nil, people: 0), projected: Projection? = nil, stillOnOldVersion: [OldVersionLine] = []
        ) {
            self.knowNow = knowNow
            self.projected = projected
            self.stillOnOldVersion = stillOnOldVersion
            self.id = id
            self.version = version
            self.title = title
            self.reach = reach
            self.ackRate = ackRate
            self.correctNow = correctNow
            self.keyPoints = keyPoints
            self.distortion = distortion
            self.relayLoss = relayLoss
        }

        /// The key point with the shortest reported half-life: where decay shows first.
        public var fastestDecaying: KeyPointLine? {
            self.keyPoints.compactMap { point in point.halfLifeDays.value.map { (point, $0) } }.min { $0.1 < $1.1 }?.0
        }
    }

    /// One key point: the reps' recall now and the channel-wide half-life.
    public struct KeyPointLine: Sendable, Equatable, Codable {
        public var id: String
        public var text: String
        public var correctNow: ShareFigure
        /// Fitted on every answer to the message across the channel; a few reps cannot support a fit.
        public var halfLifeDays: MessageReport.Estimate

        public init(id: String, text: String, correctNow: ShareFigure, halfLifeDays: MessageReport.Estimate) {
            self.id = id
            self.text = text
            self.correctNow = correctNow
            self.halfLifeDays = halfLifeDays
        }
    }

    /// Share who know the message's key points (no guessing), projected by the fitted curves to a date.
    public struct Projection: Sendable, Equatable, Codable {
        public var share: Double
        public var at: Date

        public init(share: Double, at: Date) {
            self.share = share
            self.at = at
        }
    }

    /// People still carrying one older version of the message, and on which key points.
    public struct OldVersionLine: Sendable, Equatable, Codable {
        public var version: Int
        public var people: Int
        public var keyPoints: [String]
        /// The distortion's name, `old version (v1)`.
        public var distortion: String

        public init(version: Int, people: Int, keyPoints: [String]) {
            self.version = version
            self.people = people
            self.keyPoints = keyPoints
            self.distortion = OldVersionClaims.label(version: version)
        }
    }

    /// A wrong version of a key point and how many people hold it or received it.
    public struct Distortion: Sendable, Equatable, Codable {
        /// Where it was seen.
        public enum Source: String, Sendable, Equatable, Codable, CaseIterable {
            case quiz
            case freeText = "free_text"
            case relay
        }

        public var keyPoint: String
        /// A wrong quiz option's text, or the distortion phrase (`retail`, `not healthcare`, `24 hours instead of 4 hours`).
        public var text: String
        /// Reps whose latest quiz answer picked it or who wrote it, plus the recipients of relays that carried it.
        public var people: Int
        public var sources: [Source]

        public init(keyPoint: String, text: String, people: Int, sources: [Source]) {
            self.keyPoint = keyPoint
            self.text = text
            self.people = people
            self.sources = sources
        }
    }

    /// What relaying costs: recall of reps reached directly against reps reached through relays, and relay texts.
    public struct RelayLoss: Sendable, Equatable, Codable {
        /// Latest quiz answers per key point of reps reached directly (hops = 0).
        public var direct: ShareFigure
        /// The same for reps reached through one relay or more.
        public var relayed: ShareFigure
        /// Channel-wide share of recall kept per relay hop (the fitted `rho`).
        public var retentionPerHop: MessageReport.Estimate
        /// Relays sent by the manager's people.
        public var relays: Int
        /// Mean fidelity of those relay texts (weighted share of key points present); nil without relays.
        public var meanFidelity: Double?
        /// `direct` and `relayed` on the digest's one scale: share who know it, guessing removed.
        public var knowDirect: KnowItFigure
        public var knowRelayed: KnowItFigure

        public init(
            direct: ShareFigure, relayed: ShareFigure, retentionPerHop: MessageReport.Estimate, relays: Int, meanFidelity: Double?,
            knowDirect: KnowItFigure = KnowItFigure(share: nil, people: 0), knowRelayed: KnowItFigure = KnowItFigure(share: nil, people: 0)
        ) {
            self.knowDirect = knowDirect
            self.knowRelayed = knowRelayed
            self.direct = direct
            self.relayed = relayed
            self.retentionPerHop = retentionPerHop
            self.relays = relays
            self.meanFidelity = meanFidelity
        }
    }

    /// A message due for a re-check: the reps' projected recall of a key point falls below the threshold.
    public struct Recheck: Sendable, Equatable, Codable {
        public var message: String
        public var title: String
        public var keyPoint: String
        public var keyPointText: String
        /// Projected share still knowing the point at the cut-off (no guessing).
        public var projectedRecall: Double
        /// When the projection crosses the threshold (in the past when it already has).
        public var dropsBelowAt: Date
        public var threshold: Double

        public init(
            message: String, title: String, keyPoint: String, keyPointText: String, projectedRecall: Double, dropsBelowAt: Date,
            threshold: Double
        ) {
            self.message = message
            self.title = title
            self.keyPoint = keyPoint
            self.keyPointText = keyPointText
            self.projectedRecall = projectedRecall
            self.dropsBelowAt = dropsBelowAt
            self.threshold = threshold
        }
    }
}
