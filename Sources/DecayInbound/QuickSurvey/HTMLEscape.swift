/// Escapes content for HTML so survey prompts, option texts, names and answers can never become markup.
public enum HTMLEscape {
    /// Text between tags: `<b>"Fish" & 'chips'</b>` becomes `&lt;b&gt;&quot;Fish&quot; &amp; &#39;chips&#39;&lt;/b&gt;`.
    public static func text(_ value: String) -> String {
        self.escape(value)
    }

    /// A quoted attribute value; quotes of both kinds are escaped so either quoting style is safe.
    public static func attribute(_ value: String) -> String {
        self.escape(value)
    }

    private static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\0": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
