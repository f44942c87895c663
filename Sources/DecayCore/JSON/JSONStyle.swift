import Foundation

/// The one JSON style of every body MessageDecay writes (API answers, webhook answers, errors, `--json` output,
/// outbound `webhook` payloads): snake_case keys as Slack, Stripe and Standard Webhooks use, sorted keys, ISO 8601
/// dates, unescaped slashes. Dictionary keys (ids, bins) are data and stay as they are.
///
///     let data = try JSONStyle.encoder.encode(report)   // {"half_life_days": ...}
public enum JSONStyle {
    /// Compact output, for HTTP bodies and chat payloads.
    public static let encoder: JSONEncoder = make(pretty: false)

    /// Indented output, for people reading a terminal.
    public static let prettyEncoder: JSONEncoder = make(pretty: true)

    /// Reads request bodies in the same style; camelCase keys are accepted too, as they convert to themselves.
    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    private static func make(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONStyle {
    /// A Swift property name as it appears in JSON (`dryRun` -> `dry_run`), for error messages that name a field.
    public static func key(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out += "_" }
            out += character.lowercased()
        }
        return out
    }
}
