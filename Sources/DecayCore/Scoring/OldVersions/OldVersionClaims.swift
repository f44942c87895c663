import Foundation

/// What older versions of a message claimed about the key points the current version changed (their concept slots
/// differ), so an answer or relay that still carries an old claim is named "old version (v1)". Pure: built from the
/// stored versions' content (docs/scoring-fidelity.md, "Old versions lingering").
public struct OldVersionClaims: Sendable {
    /// What one older version said about a key point the current version says differently.
    public struct Claim: Sendable {
        public var keyPoint: String
        public var version: Int
        public var text: String
        let scorer: FidelityScorer
    }

    /// Where a text stands on one changed key point.
    public enum Stance: Sendable, Equatable {
        /// It carries the current claim.
        case current
        /// It carries this older version's claim and not the current one.
        case old(version: Int)
        /// It says neither.
        case silent
    }

    public let message: String
    /// Changed key points in the message's order, each with its older claims, newest version first.
    public let claims: [String: [Claim]]
    private let current: [String: FidelityScorer]

    /// `previous` may hold any stored versions of any message; only this message's versions before `current` count.
    public init(current: Message, previous: [Message]) {
        let older = previous.filter { $0.id == current.id && $0.version < current.version }.sorted { $0.version > $1.version }
        var claims: [String: [Claim]] = [:]
        var scorers: [String: FidelityScorer] = [:]
        for point in current.keyPoints {
            var seen: Set<[[String]]> = [point.concepts]
            for message in older {
                guard let before = message.keyPoint(point.id), seen.insert(before.concepts).inserted else { continue }
                claims[point.id, default: []].append(
                    Claim(keyPoint: point.id, version: message.version, text: before.text, scorer: FidelityScorer(keyPoints: [before])))
            }
            if claims[point.id] != nil { scorers[point.id] = FidelityScorer(keyPoints: [point]) }
        }
        self.message = current.id
        self.claims = claims
        self.current = scorers
    }

    /// True when no older version changed a key point: nothing can linger.
    public var isEmpty: Bool { self.claims.isEmpty }

    /// The distortion's name in reports and digests.
    public static func label(version: Int) -> String {
        "old version (v\(version))"
    }

    /// A text's stance on a changed key point: current when the current point is present in it, else the newest
    /// older version whose point is present, else silent (also for a key point no version changed).
    public func stance(of text: String, on keyPoint: String) -> Stance {
        guard let claims = self.claims[keyPoint], let current = self.current[keyPoint] else { return .silent }
        if current.pointScores(text).first?.status.kind == .present { return .current }
        for claim in claims where claim.scorer.pointScores(text).first?.status.kind == .present {
            return .old(version: claim.version)
        }
        return .silent
    }

    /// Per quiz question on a changed key point (`survey/question`), the options that were right under an older
    /// version and are wrong now, with that version: an option is right under a version when its text carries that
    /// version's claim and not the current one.
    public func oldOptions(_ surveys: [Survey]) -> [String: [String: Int]] {
        var options: [String: [String: Int]] = [:]
        for survey in surveys where survey.message == self.message {
            for question in survey.questions where question.isQuiz {
                guard let point = question.keyPoint, self.claims[point] != nil else { continue }
                for option in question.choices where !question.correct.contains(option.id) {
                    if case .old(let version) = self.stance(of: option.text, on: point) {
                        options["\(survey.id)/\(question.id)", default: [:]][option.id] = version
                    }
                }
            }
        }
        return options
    }
}
