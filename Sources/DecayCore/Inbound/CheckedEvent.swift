import Foundation

/// An inbound event checked against the content and graded, so the store only has to check that the people it names
/// exist and write it. Pure: ingest runs it on the request's own task, never on the single database writer.
///
///     let checked = CheckedEvent.check(event, catalog: catalog, now: receivedAt)   // .failure names the field at fault
public enum CheckedEvent: Sendable {
    /// A survey response, graded; `messageVersion` is the version of the survey's message in the content now,
    /// used when the person has no delivery saying which version they saw.
    case response(SurveyResponseEvent, GradedResponse, messageVersion: Int?)
    case ack(MessageAckEvent, message: Message)
    case relay(MessageRelayEvent, message: Message)

    /// `now` is when the request arrived: times more than a day after it are refused (``EventHygiene``).
    public static func check(_ event: InboundEvent, catalog: ContentCatalog, now: Date) -> Result<CheckedEvent, InboundError> {
        if let problem = EventHygiene.problem(in: event, now: now) { return .failure(problem) }
        switch event {
        case .surveyResponse(let response):
            return GradedResponse.grade(response, catalog: catalog).map { graded in
                .response(response, graded, messageVersion: graded.survey.message.flatMap { catalog.messages[$0]?.version })
            }
        case .messageAck(let ack):
            return self.message(ack.message, catalog).map { .ack(ack, message: $0) }
        case .messageRelay(let relay):
            return self.message(relay.message, catalog).map { .relay(relay, message: $0) }
        }
    }

    /// The people the event names, each with the field that names them; every one must be in the directory.
    public var people: [(id: String, field: String)] {
        switch self {
        case .response(let response, _, _): [(response.person, "person")]
        case .ack(let ack, _): [(ack.person, "person")]
        case .relay(let relay, _): [(relay.from, "from")] + relay.to.enumerated().map { ($1, "to[\($0)]") }
        }
    }

    private static func message(_ id: String, _ catalog: ContentCatalog) -> Result<Message, InboundError> {
        guard let message = catalog.messages[id] else { return .failure(InboundError(.unprocessable, "unknown message '\(id)'", field: "message")) }
        return .success(message)
    }
}

/// Where a relayed message sits in the channel: how many people stand between the vendor and each recipient.
public enum RelayRoute {
    /// The sender's hops: vendor staff relay from outside the channel (-1, so their recipients are direct); anyone
    /// else is at the hops of their own delivery of this version, or 0 when they have none (recorded as direct).
    public static func senderHops(role: Role?, deliveredHops: Int?) -> Int {
        if role == .channelManager { return -1 }
        return deliveredHops ?? 0
    }

    /// Recipients are one hop further than the sender, and name the sender as `via` unless they are direct.
    public static func recipient(senderHops: Int, from sender: String) -> (hops: Int, via: String?) {
        (senderHops + 1, senderHops + 1 == 0 ? nil : sender)
    }
}
