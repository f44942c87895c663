import Foundation

/// JSON text for the raw request headers ingest stores with each event, built without a `JSONEncoder` on the writer.
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
