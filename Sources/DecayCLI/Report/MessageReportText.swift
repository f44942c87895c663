import DecayCore
import Foundation

/// The message report as tables for a terminal.
enum MessageReportText {
    static func render(_ report: MessageReport) -> String {
        var lines = [
            "\(report.message) v\(report.version): \(report.title)",
            "\(report.quizAnswers) quiz answers from \(report.people) people; retention per relay hop: \(self.estimate(report.retentionPerHop, percent: true))",
            "half-life of the message (days): \(self.estimate(report.halfLifeDays, percent: false)); shape d: \(self.shape(report.shape))",
        ]
        lines += self.figureNotes(report)
        lines.append("")
        lines.append(Table.render(
            header: ["key point", "correct now", "half-life (days)", "recall at 30/60/90 d", "direct / 1 hop / 2+ hops", "most common wrong answer"],
            rows: report.keyPoints.map { point in
                let projected = ["30", "60", "90"].map { point.projected[$0].flatMap(\.value).map { self.percent($0) } ?? "-" }.joined(separator: " / ")
                let hops = ["0", "1", "2+"].map { point.byHops[$0]?.text ?? "-" }.joined(separator: " / ")
                let wrong = point.mostCommonWrongAnswer.map { "\($0.questionID) \($0.optionID): \($0.text) (\(self.percent($0.share)) of wrong)" } ?? "-"
                return [
                    point.id, "\(point.correctNow.text) n=\(point.correctNow.people)", self.estimate(point.halfLifeDays, percent: false),
                    projected, hops, wrong,
                ]
            }
        ))
        let refusals = report.keyPoints.filter { $0.halfLifeDays.value == nil && !$0.halfLifeDays.note.isEmpty }
        if !refusals.isEmpty {
            lines.append("")
            for point in refusals { lines.append("\(point.id): no half-life: \(point.halfLifeDays.note)") }
        }
        let stale = report.keyPoints.flatMap { point in point.stillOnOldVersion.map { (point.id, $0) } }
        if !stale.isEmpty {
            lines.append("")
            for (point, count) in stale {
                lines.append("\(point): still on v\(count.version): \(count.people) \(count.people == 1 ? "person" : "people") (distortion \"\(count.distortion)\")")
            }
        }
        let freeText = report.keyPoints.filter { $0.freeTextPresent + $0.freeTextMissing + $0.freeTextDistorted > 0 }
        if !freeText.isEmpty {
            lines.append("")
            lines.append(Table.render(
                header: ["pitch in own words", "present", "missing", "distorted"],
                rows: freeText.map { [$0.id, String($0.freeTextPresent), String($0.freeTextMissing), String($0.freeTextDistorted)] }
            ))
        }
        if report.relaysTotal > 0 {
            lines.append("")
            let shown = report.relays.isEmpty ? "none" : "\(report.relaysOffset + 1)-\(report.relaysOffset + report.relays.count)"
            lines.append(
                "relays: \(shown) of \(report.relaysTotal) shown, mean fidelity \(report.meanRelayFidelity.map { self.percent($0) } ?? "-") (worst first)")
            lines.append(Table.render(
                header: ["from", "at", "to", "fidelity", "missing", "distorted"],
                rows: report.relays.map { relay in
                    [
                        relay.from, UTCDay.format(relay.at), String(relay.recipients), relay.fidelity.map { self.percent($0) } ?? "not scored",
                        relay.missing.joined(separator: ", "), relay.distorted.joined(separator: ", "),
                    ]
                }
            ))
        }
        return lines.joined(separator: "\n")
    }

    static func estimate(_ estimate: MessageReport.Estimate, percent: Bool) -> String {
        self.estimate(estimate, format: percent ? { self.percent($0) } : { String(format: "%.0f", $0) })
    }

    static func estimate(_ estimate: MessageReport.Estimate, decimals: Int) -> String {
        self.estimate(estimate, format: { String(format: "%.\(decimals)f", $0) })
    }

    /// "value (low-high)", "value (no interval)" without resamples, or "not reported".
    static func estimate(_ estimate: MessageReport.Estimate, format: (Double) -> String) -> String {
        guard let value = estimate.value else { return "not reported" }
        guard let low = estimate.low, let high = estimate.high else { return "\(format(value)) (no interval)" }
        return "\(format(value)) (\(format(low))-\(format(high)))"
    }

    /// The fitted shape, or "assumed" when the fit held it (the note below says at what and why).
    static func shape(_ shape: MessageReport.Estimate) -> String {
        shape.value == nil && self.shapeWasAssumed(shape) ? "assumed (see below)" : self.estimate(shape, decimals: 2)
    }

    static func shapeWasAssumed(_ shape: MessageReport.Estimate) -> Bool {
        shape.note.hasPrefix("shape assumed")
    }

    /// Why a message-level figure is missing (or assumed), one line each.
    static func figureNotes(_ report: MessageReport) -> [String] {
        let shape = self.shapeWasAssumed(report.shape) ? [report.shape.note] : []
        let refused = [("retention per relay hop", report.retentionPerHop), ("half-life of the message", report.halfLifeDays), ("shape d", report.shape)]
            .filter { $0.1.value == nil && !$0.1.note.isEmpty && $0.1.note != "no quiz answers yet" && !self.shapeWasAssumed($0.1) }
            .map { "\($0.0): \($0.1.note)" }
        return refused + shape
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.0f%%", value * 100)
    }
}
