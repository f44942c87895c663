import Foundation

/// Every relay of a message report as CSV, one row per relay and one column per key point holding its verdict, so
/// all relays can be read in a spreadsheet (the report itself lists a page of them).
///
/// Columns: `from,at,recipients,fidelity,rouge1_recall`, then the key point ids in the message's order; `at` is
/// ISO 8601 UTC, fidelity and ROUGE-1 recall have 4 decimals (fidelity is empty when no point was scored). Fields are quoted as RFC 4180 asks.
public enum RelayVerdictsCSV {
    public static func render(keyPoints: [String], relays: [MessageReport.RelayReport]) -> String {
        CSVTable.render(
            header: ["from", "at", "recipients", "fidelity", "rouge1_recall"] + keyPoints,
            rows: relays.map { relay in
                [
                    relay.from, ISO8601DateFormatter().string(from: relay.at), String(relay.recipients),
                    CSVTable.number(relay.fidelity), String(format: "%.4f", relay.rouge1Recall),
                ] + keyPoints.map { relay.points[$0] ?? "" }
            })
    }
}
