/// Control characters (Unicode category Cc: C0, DEL, C1) have no place in names, ids, URLs or answers: a NUL
/// truncates a value in C APIs such as SQLite's, and the rest hide or reorder what a reader sees.
public enum ControlCharacters {
    /// The first control character in `text`; tab, line feed and carriage return pass when `allowingLineBreaks`.
    public static func first(in text: String, allowingLineBreaks: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            guard scalar.properties.generalCategory == .control else { return false }
            return !(allowingLineBreaks && (scalar == "\t" || scalar == "\n" || scalar == "\r"))
        }
    }

    /// `U+0000` style name for messages.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// "contains a control character (U+0000)", or nil when `text` is clean.
    public static func problem(in text: String, allowingLineBreaks: Bool = false) -> String? {
        self.first(in: text, allowingLineBreaks: allowingLineBreaks).map { "contains a control character (\(self.name($0)))" }
    }
}
