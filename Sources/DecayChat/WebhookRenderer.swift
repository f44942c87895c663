import Foundation

/// The generic `webhook` format: the broadcast as plain JSON for the receiver to lay out itself. The delivery
/// layer signs it with Standard Webhooks (`StandardWebhooks.headers`), so the body carries no secret.
public enum WebhookRenderer {
    public static func render(_ broadcast: ChatBroadcast) -> ChatPayload {
        var message: [String: JSONValue] = [
            "id": .string(broadcast.messageID),
            "version": .int(broadcast.version),
            "title": .string(broadcast.title),
            "body": .string(broadcast.body),
            "key_points": .array(broadcast.keyPoints.map { .string($0) }),
            "acknowledge_value": .string(broadcast.acknowledgeValue),
        ]
        if let url = broadcast.surveyURL { message["survey_url"] = .string(url) }
        if let quiz = broadcast.quiz {
            message["quiz"] = [
                "prompt": .string(quiz.prompt),
                "options": .array(quiz.options.map { ["text": .string($0.text), "value": .string($0.value)] }),
            ]
        }
        let payload: JSONValue = ["type": "message.broadcast", "message": .object(message)]
        return ChatPayload(format: .webhook, body: payload.data)
    }
}
