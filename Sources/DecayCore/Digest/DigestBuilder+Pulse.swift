import Foundation

extension DigestBuilder {
    /// The Pulse section, channel managers only: for each of their partners and each pulse scale question, a line when
    /// the mean moved on the previous quarter (``pulseMoved(_:)``) and answers since the start of the week changed
    /// this quarter's figures, so a move is told the week it shows up rather than every week of the quarter.
    /// Largest moves first.
    func pulseMoves(_ input: DigestInput, scope: DigestScope) -> [Digest.PulseMove] {
        guard input.manager.role == .channelManager, let report = input.pulse?.current else { return [] }
        let partners = Set(scope.partners)
        var before: [String: PulseGroup] = [:]
        for survey in input.pulse?.weekStart?.surveys ?? [] {
            for question in survey.questions {
                for group in question.partners { before["\(survey.id)\u{1}\(question.id)\u{1}\(group.id)"] = group }
            }
        }
        var moves: [Digest.PulseMove] = []
        for survey in report.surveys {
            for question in survey.questions where question.kind == QuestionKind.scale.rawValue {
                for group in question.partners where partners.contains(group.id) && Self.pulseMoved(group) {
                    let earlier = before["\(survey.id)\u{1}\(question.id)\u{1}\(group.id)"]
                    let news = input.pulse?.weekStart.map { start in
                        start.quarter != report.quarter || earlier?.people != group.people || earlier?.mean != group.mean
                    } ?? true
                    guard news, let mean = group.mean, let previous = group.previousMean else { continue }
                    moves.append(Digest.PulseMove(
                        partner: group.id, partnerName: group.name, survey: survey.id, question: question.id, prompt: question.prompt,
                        min: question.min ?? 1, max: question.max ?? 5, mean: mean, previousMean: previous,
                        quarter: report.quarter, previousQuarter: report.previousQuarter))
                }
            }
        }
        return moves.sorted { (abs($0.change), $1.partnerName, $1.question) > (abs($1.change), $0.partnerName, $0.question) }
    }

    /// Whether a partner's mean moved on the previous quarter by more than chance allows: both quarters from 3 people or
    /// more, and the change larger than the 95% half-widths of the two means' intervals combined in quadrature
    /// (√(h₁² + h₂²), an approximate two-sample test at 95%). Each half-width is the wider side of its interval, so a
    /// mean near the end of the scale, whose interval is clipped there, is not judged on the clipped side.
    public static func pulseMoved(_ group: PulseGroup) -> Bool {
        guard group.people >= Proportion.minimumPeople, group.previousPeople >= Proportion.minimumPeople,
              let now = group.mean, let before = group.previousMean,
              let current = now.mean, let earlier = before.mean,
              let nowHalf = Self.halfWidth(now), let beforeHalf = Self.halfWidth(before)
        else { return false }
        return abs(current - earlier) > (nowHalf * nowHalf + beforeHalf * beforeHalf).squareRoot()
    }

    private static func halfWidth(_ figure: MeanFigure) -> Double? {
        guard let mean = figure.mean, let low = figure.low, let high = figure.high else { return nil }
        return Swift.max(mean - low, high - mean)
    }
}
