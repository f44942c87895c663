import Foundation

extension Digest {
    /// A partner's pulse answers that moved: one scale question whose mean this quarter differs from the previous
    /// quarter's by more than the two intervals allow (rule: ``DigestBuilder/pulseMoved(_:)``), both quarters from
    /// 3 people or more, with news this week (answers since the start of the week changed it).
    public struct PulseMove: Sendable, Equatable, Codable {
        public var partner: String
        public var partnerName: String
        public var survey: String
        public var question: String
        public var prompt: String
        /// The ends of the scale.
        public var min: Int
        public var max: Int
        public var mean: MeanFigure
        public var previousMean: MeanFigure
        public var quarter: String
        public var previousQuarter: String

        public init(
            partner: String, partnerName: String, survey: String, question: String, prompt: String, min: Int, max: Int,
            mean: MeanFigure, previousMean: MeanFigure, quarter: String, previousQuarter: String
        ) {
            self.partner = partner
            self.partnerName = partnerName
            self.survey = survey
            self.question = question
            self.prompt = prompt
            self.min = min
            self.max = max
            self.mean = mean
            self.previousMean = previousMean
            self.quarter = quarter
            self.previousQuarter = previousQuarter
        }

        /// This quarter's mean minus the previous quarter's.
        public var change: Double { (self.mean.mean ?? 0) - (self.previousMean.mean ?? 0) }
    }
}
