import Foundation

/// The engagement metrics a scorecard, ranking or trend can name; raw values are stable keys used in
/// `targets.yaml`, JSON and the database, so never rename them.
public enum Metric: String, Sendable, Codable, CaseIterable, Hashable {
    case responseRate = "response_rate"
    case ackRate = "ack_rate"
    case medianAckHours = "median_ack_hours"
    case recall
    case activeShare = "active_share"
    case score

    /// False only for `median_ack_hours`, where a smaller value is better.
    public var higherIsBetter: Bool {
        self != .medianAckHours
    }

    /// The values a target or actual may take: shares 0...1, the score 0...100, hours from 0.
    public var validRange: ClosedRange<Double> {
        switch self {
        case .responseRate, .ackRate, .recall, .activeShare: 0...1
        case .medianAckHours: 0...Double.greatestFiniteMagnitude
        case .score: 0...100
        }
    }

    /// A short human name for tables and digests.
    public var title: String {
        switch self {
        case .responseRate: "Response rate"
        case .ackRate: "Ack rate"
        case .medianAckHours: "Median time to ack (h)"
        case .recall: "Recall"
        case .activeShare: "Active (14 days)"
        case .score: "Score"
        }
    }
}
