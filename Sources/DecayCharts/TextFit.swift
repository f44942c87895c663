/// Fits labels into the room a chart has for them, by an estimate of their width (no font metrics on a server).
public enum TextFit {
    /// The average advance of a character in a sans-serif face, as a share of the font size.
    static let averageAdvance = 0.58

    /// The estimated width of `text` at `fontSize`.
    public static func width(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * self.averageAdvance
    }

    /// `text` cut to at most `width` with a trailing ellipsis, whole characters (emoji, accents) only.
    public static func truncate(_ text: String, width: Double, fontSize: Double) -> String {
        let room = Int(width / (fontSize * self.averageAdvance) + 1e-6)
        return self.truncate(text, characters: room)
    }

    /// `text` cut to at most `characters` characters, the last an ellipsis when anything was cut.
    public static func truncate(_ text: String, characters: Int) -> String {
        guard text.count > characters else { return text }
        guard characters > 1 else { return characters == 1 ? "…" : "" }
        return String(text.prefix(characters - 1)) + "…"
    }
}
