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
}
