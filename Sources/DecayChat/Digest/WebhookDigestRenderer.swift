import DecayCore
import Foundation

/// The generic `webhook` format: `{"type": "digest.weekly", "digest": {...}}` with the whole ``Digest`` as JSON
/// in the service's ``JSONStyle`` (snake_case, sorted keys, ISO 8601 dates), for receivers that lay it out themselves.
/// Signed by the delivery layer.
public enum WebhookDigestRenderer {
    public static func render(_ digest: Digest) -> ChatPayload {
        let body = (try? JSONStyle.encoder.encode(Body(digest: digest))) ?? Data()
        return ChatPayload(format: .webhook, body: body)
    }

    private struct Body: Encodable {
        var type = "digest.weekly"
        var digest: Digest
    }
}
