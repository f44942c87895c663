import Foundation

/// Every relay of a message report as CSV, one row per relay and one column per key point holding its verdict, so
/// all relays can be read in a spreadsheet (the report itself lists a page of them).
///
/// Columns: `from,at,recipients,fidelity,rouge1_recall`, then the key point ids in the message's order; `at` is
/// ISO 8601 UTC, fidelity and ROUGE-1 recall have 4 decimals (fidelity is empty when no point was scored). Fields are quoted as RFC 4180 asks.
public enum RelayVerdictsCSV {
    public static func render(keyPoints: [String], relays: [MessageReport.RelayReport]) -> String {
        var lines = [(["from", "at", "recipients", "fidelity", "rouge1_recall"] + keyPoints).map(self.field).joined(separator: ",")]
        for relay in relays {
            let cells = [
                relay.from, ISO8601DateFormatter().string(from: relay.at), String(relay.recipients),
                relay.fidelity.map { String(format: "%.4f", $0) } ?? "", String(format: "%.4f", relay.rouge1Recall),
            ] + keyPoints.map { relay.points[$0] ?? "" }
            lines.append(cells.map(self.field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, quote or line break (quotes doubled); one starting with `=`, `+`, `-`
    /// or `@` gets a leading `'` so a spreadsheet does not run it as a formula.
    static func field(_ value: String) -> String {
        let safe = value.first.map { "=+-@".contains($0) } == true ? "'" + value : value
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
