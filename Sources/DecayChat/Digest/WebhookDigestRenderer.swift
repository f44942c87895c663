import DecayCore
import Foundation

/// The generic `webhook` format: `{"type": "digest.weekly", "digest": {...}}` with the whole ``Digest`` as JSON
/// (sorted keys, ISO 8601 dates), for receivers that lay it out themselves. Signed by the delivery layer.
public enum WebhookDigestRenderer {
    public static func render(_ digest: Digest) -> ChatPayload {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let body = (try? encoder.encode(Body(digest: digest))) ?? Data()
        return ChatPayload(format: .webhook, body: body)
    }

    private struct Body: Encodable {
        var type = "digest.weekly"
        var digest: Digest
    }
}
