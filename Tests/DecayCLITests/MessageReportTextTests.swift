import Foundation
import Testing

@testable import DecayCLI
@testable import DecayCore

/// The message report's terminal text shows the message-level fit figures (issue #12).
@Suite("Message report text")
struct MessageReportTextTests {
    static func report(halfLife: MessageReport.Estimate, shape: MessageReport.Estimate, rho: MessageReport.Estimate) -> MessageReport {
        MessageReport(
            message: "m", version: 1, title: "T", quizAnswers: 10, people: 5, keyPoints: [], retentionPerHop: rho,
            halfLifeDays: halfLife, shape: shape, relays: [], meanRelayFidelity: nil
        )
    }

    @Test func theMessageHalfLifeAndAnAssumedShapeAreShownWithTheirReasons() {
        let text = MessageReportText.render(Self.report(
            halfLife: .init(value: 24.4, low: 18.2, high: 33.9, note: "95% bootstrap interval over people"),
            shape: .init(value: nil, low: nil, high: nil, note: "shape assumed d = 1: answers fall in only 6 distinct 7-day delay bins; at least 8 are needed to fit it"),
            rho: .init(value: nil, low: nil, high: nil, note: "the retention per relay hop (100%) runs to the limit of 100%: the answers do not separate loss per hop from initial learning")
        ))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("half-life of the message (days): 24 (18-34); shape d: assumed (see below)"), "\(text)")
        #expect(lines.contains("shape assumed d = 1: answers fall in only 6 distinct 7-day delay bins; at least 8 are needed to fit it"))
        #expect(lines.contains { $0.hasPrefix("retention per relay hop: the retention per relay hop (100%) runs to the limit") })
    }

    @Test func withoutResamplesAFigureSaysItHasNoInterval() {
        let note = MessageReportBuilder.noInterval
        let text = MessageReportText.render(Self.report(
            halfLife: .init(value: 24.4, low: nil, high: nil, note: note),
            shape: .init(value: 0.62, low: nil, high: nil, note: note),
            rho: .init(value: 0.8, low: nil, high: nil, note: note)
        ))
        #expect(text.contains("retention per relay hop: 80% (no interval)"), "\(text)")
        #expect(text.contains("half-life of the message (days): 24 (no interval); shape d: 0.62 (no interval)"), "\(text)")
    }
}
