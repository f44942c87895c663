/// Escaping rules per markup, so text from content can never become markup or a mention.
enum ChatEscaping {
    /// Slack mrkdwn: only `&`, `<` and `>` are control characters; escaping `<` also defuses `<!channel>`.
    static func slack(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Slack mrkdwn text from content: `&<>` escaped and `@` defused, so neither `<!channel>` nor a plain `@here`
    /// (which Slack's automatic parsing may turn into a mention) survives.
    static func slackMrkdwn(_ text: String) -> String {
        self.mentions(self.slack(text))
    }

    /// HTML text nodes (Google Chat text paragraphs): `&`, `<` and `>` are enough outside attributes.
    static func htmlText(_ text: String) -> String {
        self.slack(text)
    }

    /// HTML text and attribute values (Matrix `formatted_body`, including link targets).
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// CommonMark text (Discord, Mattermost, Teams): a backslash before the characters that start emphasis,
    /// code, links or tables, so a name like `Smith_&_Sons*` stays text.
    static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\*_~`[]|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A zero-width space after every `@`, so `@channel`, `@here`, `@all` or `@room` in content reads the same
    /// but no longer matches a mention (Mattermost text, Matrix bodies).
    static func mentions(_ text: String) -> String {
        text.replacingOccurrences(of: "@", with: "@\u{200B}")
    }

    /// Matrix `formatted_body`: HTML escaping with `@` defused.
    static func matrixHTML(_ text: String) -> String {
        self.html(self.mentions(text))
    }

    /// Mattermost Markdown: CommonMark escaping, `&<>` as entities and `@` defused. Mattermost rewrites
    /// `<!channel>`, `<!here>`, `<!all>` and `<url|text>` into mentions and links before it reads Markdown (a
    /// backslash does not stop it), so no `<` from content may reach it; the entities still display as `<` and `>`.
    static func mattermost(_ text: String) -> String {
        self.mentions(self.slack(self.markdown(text)))
    }

    /// Text without bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), so a
    /// name or title cannot reverse the text that follows it, such as a link or the next name.
    static func withoutBidiControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: self.isBidiControl) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !self.isBidiControl($0) })
        return String(scalars)
    }

    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
