import Foundation

/// The forgetting curve as the message page draws it: the fit sampled every few days and the observed recall in
/// delay bins, both for direct deliveries and both as the share answering correctly, so the two compare.
extension MessageReportBuilder {
    /// Days the fit is sampled at for the drawn curve; holds the 30/60/90 of ``MessageReport/KeyPointReport/projected``.
    static let curveDays = Array(stride(from: 0.0, through: 90, by: 3))
    /// Width of an observed delay bin, in days.
    static let binDays = 7

    /// The fit's knowledge at each sampled day (hops 0), raised by the guessing floor `guess` of the point's answers.
    static func curve(_ fitted: KeyPointForgetting?, guess: Double) -> [MessageReport.CurvePoint] {
        guard let fitted, fitted.verdict.isReported else { return [] }
        let raise = { (knowledge: Double) in guess + (1 - guess) * knowledge }
        return fitted.projections.filter { $0.hops == 0 && Self.curveDays.contains($0.days) }.sorted { $0.days < $1.days }.map { point in
            MessageReport.CurvePoint(
                days: point.days, share: raise(point.recall), low: point.interval.map { raise($0.lower) },
                high: point.interval.map { raise($0.upper) })
        }
    }

    /// The mean guessing floor of the point's direct answers with a known delay (weighted by the groups' counts).
    static func guessFloor(_ answers: [MessageReportInput.QuizAnswer], questions: [String: Question]) -> Double {
        var total = 0.0
        var weight = 0
        for answer in answers where answer.hops == 0 && answer.days != nil {
            guard let question = questions["\(answer.surveyID)/\(answer.questionID)"] else { continue }
            total += Double(answer.count) * (question.kind == .multiChoice ? 0 : 1 / Double(max(question.choices.count, 1)))
            weight += answer.count
        }
        return weight == 0 ? 0 : total / Double(weight)
    }

    /// Direct deliveries' answers in `binDays`-wide delay bins, each with its share correct and Wilson interval
    /// (withheld under 3 people, as ``rate(_:)`` does everywhere).
    static func delayBins(_ answers: [MessageReportInput.QuizAnswer]) -> [MessageReport.DelayBin] {
        let direct = answers.filter { $0.hops == 0 && $0.days != nil }
        return Dictionary(grouping: direct) { Int(($0.days ?? 0) / Double(Self.binDays)) }.sorted { $0.key < $1.key }.map { bin, group in
            let count = group.map(\.count).reduce(0, +)
            let days = group.map { ($0.days ?? 0) * Double($0.count) }.reduce(0, +) / Double(max(count, 1))
            return MessageReport.DelayBin(fromDay: bin * Self.binDays, toDay: (bin + 1) * Self.binDays, meanDays: days, recall: Self.rate(group))
        }
    }

    /// Each stored version with the key points it added, removed or changed against the one before.
    static func versions(_ versions: [MessageReportInput.Version]) -> [MessageReport.VersionReport] {
        var previous: Message?
        return versions.sorted { $0.version < $1.version }.map { version in
            defer { previous = version.content ?? previous }
            guard let current = version.content, let before = previous else {
                return MessageReport.VersionReport(
                    version: version.version, title: version.title, loadedAt: version.loadedAt,
                    added: [], removed: [], changed: [])
            }
            let old = Dictionary(before.keyPoints.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let new = Set(current.keyPoints.map(\.id))
            return MessageReport.VersionReport(
                version: version.version, title: version.title, loadedAt: version.loadedAt,
                added: current.keyPoints.map(\.id).filter { old[$0] == nil },
                removed: before.keyPoints.map(\.id).filter { !new.contains($0) },
                changed: current.keyPoints.filter { point in old[point.id].map { $0 != point } ?? false }.map(\.id))
        }
    }
}
