/// RFC 4180 text for a table: CRLF line ends, fields quoted when they hold a comma, quote or line break, and a
/// leading `'` on a text field starting with `=`, `+`, `-`, `@`, a tab or a carriage return so a spreadsheet does not
/// run it as a formula (plain numbers such as `-0.5` stay numbers).
public enum CSVTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        let formula = value.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true && Double(value) == nil
        let safe = formula ? "'" + value : value
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard safe.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number with `digits` decimals, or empty when there is none (withheld, unknown).
    static func number(_ value: Double?, digits: Int = 4) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? ""
    }
}
