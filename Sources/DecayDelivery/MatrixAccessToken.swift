import DecayStore
import Foundation

/// A Matrix `chat_url` names the room and carries the bot's token as `?access_token=…`; posts send the token in
/// an `Authorization: Bearer` header instead, because the Matrix spec deprecates tokens in the query and request
/// URLs end up in proxy and server logs.
public enum MatrixAccessToken {
    static let queryName = "access_token"

    /// The URL without any `access_token` query item (other items kept as written), and the token it carried.
    public static func split(_ url: String) -> (url: String, token: String?) {
        guard var components = URLComponents(string: url), let items = components.percentEncodedQueryItems,
            let item = items.first(where: { $0.name == self.queryName })
        else { return (url, nil) }
        let rest = items.filter { $0.name != self.queryName }
        components.percentEncodedQueryItems = rest.isEmpty ? nil : rest
        let token = item.value.flatMap { $0.removingPercentEncoding ?? $0 }
        return (components.string ?? url, token?.isEmpty == false ? token : nil)
    }

    /// The request URL and headers for a post to `url`: the token moved from the query into the header.
    static func authorize(url: String, headers: [OutboxHeader]) -> (url: String, headers: [OutboxHeader]) {
        let split = self.split(url)
        guard let token = split.token else { return (split.url, headers) }
        return (split.url, headers + [OutboxHeader("Authorization", "Bearer " + token)])
    }
}
