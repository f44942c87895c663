import DecayCore
import Foundation

/// How each format mentions a person: a real mention when the handle has the platform's id shape, otherwise the
/// plain name, escaped, so a handle from the directory can never become a broken or unintended mention.
public enum ChatMention {
    /// The mention markup (or the escaped name) in `format`'s text.
    public static func text(_ person: ChatPerson, format: ChatFormat) -> String {
        switch format {
        case .slack:
            if let id = self.slackUserID(person.handle) { return "<@\(id)>" }
            return ChatEscaping.slackMrkdwn(person.name)
        case .discord:
            if let id = self.discordUserID(person.handle) { return "<@\(id)>" }
            return ChatEscaping.mentions(ChatEscaping.markdown(person.name))
        case .mattermost:
            if let name = self.mattermostUsername(person.handle) { return "@" + name }
            return ChatEscaping.mattermost(person.name)
        case .googlechat:
            if let id = self.googleChatUser(person.handle) { return "<\(id)>" }
            return ChatEscaping.htmlText(ChatEscaping.mentions(person.name))
        case .matrix:
            return ChatEscaping.mentions(person.name)
        case .teams:
            return ChatEscaping.mentions(ChatEscaping.markdown(person.name))
        case .webhook:
            return person.name
        }
    }

    /// Slack user ids (`U024BE7LH`, `W0123ABC` on Enterprise Grid), optionally written `<@U…>` or `@U…`.
    public static func slackUserID(_ handle: String?) -> String? {
        guard let raw = handle.map(self.unwrapped), raw.count >= 3, raw.count <= 24, let first = raw.first, first == "U" || first == "W",
            raw.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
        else { return nil }
        return raw
    }

    /// Discord user ids are snowflakes: 17 to 20 digits.
    public static func discordUserID(_ handle: String?) -> String? {
        guard let raw = handle.map(self.unwrapped), (17...20).contains(raw.count), raw.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return raw
    }

    /// Mattermost usernames: 3 to 22 characters of lowercase letters, digits, `.`, `-` and `_`, starting with a letter.
    public static func mattermostUsername(_ handle: String?) -> String? {
        guard let raw = handle.map(self.unwrapped), (3...22).contains(raw.count), let first = raw.first, first.isASCII, first.isLowercase,
            raw.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || ".-_".contains($0)) })
        else { return nil }
        return raw
    }

    /// Google Chat users are `users/{numeric id}`.
    public static func googleChatUser(_ handle: String?) -> String? {
        guard let raw = handle?.trimmingCharacters(in: .whitespaces), raw.hasPrefix("users/"), raw.count > 6,
            raw.dropFirst(6).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return raw
    }

    /// Matrix user ids: `@localpart:server`, localpart of `a-z 0-9 . _ = - /`, a server name without spaces.
    public static func matrixUserID(_ handle: String?) -> String? {
        guard let raw = handle?.trimmingCharacters(in: .whitespaces), raw.hasPrefix("@"), let colon = raw.firstIndex(of: ":") else { return nil }
        let local = raw[raw.index(after: raw.startIndex)..<colon]
        let server = raw[raw.index(after: colon)...]
        guard !local.isEmpty, !server.isEmpty, raw.utf8.count <= 255,
            local.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "._=-/".contains($0)) }),
            server.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) })
        else { return nil }
        return raw
    }

    /// `<@U123>`, `@U123` or `U123` alike.
    private static func unwrapped(_ handle: String) -> String {
        var text = handle.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<@"), text.hasSuffix(">") { text = String(text.dropFirst(2).dropLast()) }
        if text.hasPrefix("@") { text.removeFirst() }
        return text
    }
}
