import DecayCore
import Foundation

/// Hand-written JSON for what ingest stores on every request: it runs inside the single writer, where a
/// `JSONEncoder` per request was a measurable share of the group-commit time. Decoding stays `Codable`.
extension IngestOutcome {
    var json: String {
        var fields = [
            "\"inboundID\":\(self.inboundID)", "\"status\":\"\(self.status.rawValue)\"", "\"duplicate\":\(self.duplicate)",
        ]
        if let kind = self.kind { fields.append("\"kind\":\(JSONText.quote(kind))") }
        if let responseID = self.responseID { fields.append("\"responseID\":\(responseID)") }
        if let graded = self.graded { fields.append("\"graded\":\(graded)") }
        if let correct = self.correct { fields.append("\"correct\":\(correct)") }
        if let reached = self.reached { fields.append("\"reached\":\(reached)") }
        if let error = self.error {
            var parts = ["\"kind\":\(JSONText.quote(error.kind.rawValue))", "\"message\":\(JSONText.quote(error.message))"]
            if let field = error.field { parts.append("\"field\":\(JSONText.quote(field))") }
            fields.append("\"error\":{\(parts.joined(separator: ","))}")
        }
        return "{\(fields.joined(separator: ","))}"
    }
}

public enum JSONText {
    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func quote(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func object(_ pairs: [String: String]) -> String {
        "{" + pairs.sorted { $0.key < $1.key }.map { "\(self.quote($0.key)):\(self.quote($0.value))" }.joined(separator: ",") + "}"
    }
}
