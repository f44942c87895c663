import Foundation

/// Pulse survey results (surveys not tied to a message): each scale and choice question overall and per category,
/// tier and partner, this quarter beside the previous one. Each person counts once per question and quarter (their
/// latest answer); no figure is shown from fewer than 3 people. Free-text answers are listed for admins.
public struct PulseReport: Sendable, Equatable, Codable {
    public var asOf: Date
    public var quarter: String
    public var previousQuarter: String
    public var surveys: [PulseSurvey]

    public init(asOf: Date, quarter: String, previousQuarter: String, surveys: [PulseSurvey]) {
        self.asOf = asOf
        self.quarter = quarter
        self.previousQuarter = previousQuarter
        self.surveys = surveys
    }
}

public struct PulseSurvey: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var questions: [PulseQuestion]
    /// Free-text answers of this quarter, newest first.
    public var comments: [PulseComment]
}

public struct PulseQuestion: Sendable, Equatable, Codable {
    public struct Option: Sendable, Equatable, Codable {
        public var id: String
        public var text: String
    }

    public var id: String
    public var prompt: String
    public var kind: String
    /// Scale questions: the ends of the scale.
    public var min: Int?
    public var max: Int?
    /// Choice questions: the options, in the survey's order.
    public var options: [Option]
    public var overall: PulseGroup
    public var categories: [PulseGroup]
    public var tiers: [PulseGroup]
    public var partners: [PulseGroup]
}

/// One question's figures for one group of people (everyone, a category, a tier, a partner).
public struct PulseGroup: Sendable, Equatable, Codable {
    public struct ValueCount: Sendable, Equatable, Codable {
        public var value: Int
        public var count: Int
    }

    public struct OptionShare: Sendable, Equatable, Codable {
        public var option: String
        public var share: ShareFigure
        /// Nil when fewer than 3 people answered in the previous quarter: even counts would tell who said what.
        public var previous: ShareFigure?
        /// This quarter's share minus the previous quarter's, when both may be shown.
        public var change: Double?
    }

    public var id: String
    public var name: String
    /// People who answered this quarter and in the previous one.
    public var people: Int
    public var previousPeople: Int
    /// Why the figures are withheld ("fewer than 3 people"), or nil when they are shown.
    public var withheld: String?
    /// Scale questions: the mean with its interval, this quarter and the previous, and the change.
    public var mean: MeanFigure?
    public var previousMean: MeanFigure?
    public var meanChange: Double?
    /// Scale questions: how many people gave each value (withheld under the display rule).
    public var distribution: [ValueCount]?
    /// Choice questions: the share of people who picked each option (withheld under the display rule).
    public var shares: [OptionShare]?
}

/// A free-text pulse answer; only admins see these.
public struct PulseComment: Sendable, Equatable, Codable {
    public var partnerID: String
    public var partnerName: String
    public var questionID: String
    public var submittedAt: Date
    public var text: String
}
