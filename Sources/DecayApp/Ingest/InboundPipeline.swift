import DecayChat
import DecayCore
import DecayDelivery
import DecayInbound
import DecayStore
import Foundation

/// Ingest: every inbound source goes through here. Verify the signature on the raw body, decode, check the event
/// against the content and grade it (plain code, on the request's own task), then store the raw request and its
/// effects in one transaction before the caller may answer 2xx.
public struct InboundPipeline: Sendable {
    /// Bodies above this are refused with 413 before they are read further.
    public static let maxBodyBytes = 256 * 1024

    public let database: any IngestRepository
    public let catalog: ContentCatalog
    public let secrets: InboundSecrets
    /// Counts what became of each event; the webhook front end and the survey page report to it.
    public let metrics: InboundMetrics

    public init(database: any IngestRepository, catalog: ContentCatalog, secrets: InboundSecrets, metrics: InboundMetrics = InboundMetrics()) {
        self.metrics = metrics
        self.database = database
        self.catalog = catalog
        self.secrets = secrets
    }

    /// `POST /webhooks/events` (Standard Webhooks). Header names are lower-cased.
    public func receiveEvent(headers: [String: String], body: [UInt8], now: Date) async throws -> IngestOutcome {
        guard let verifier = self.secrets.standardWebhooks else {
            throw SourceNotConfigured(source: "Standard Webhooks", variable: "DECAY_WEBHOOK_SECRET")
        }
        try Self.checkSize(body)
        let id = headers[StandardWebhooks.idHeader]
        do {
            try verifier.verify(
                id: id, timestamp: headers[StandardWebhooks.timestampHeader], signatureHeader: headers[StandardWebhooks.signatureHeader],
                body: body, now: now
            )
        } catch {
            throw Self.unauthorized(error)
        }
        let event = try EventDecoder.decode(body)
        let request = InboundRequest(
            source: "events", externalID: id ?? "", receivedAt: now,
            headers: [StandardWebhooks.timestampHeader: headers[StandardWebhooks.timestampHeader] ?? ""], body: body
        )
        return try await self.database.ingest(request, checked: self.checkForIngest(.success(event), receivedAt: now))
    }

    /// `POST /webhooks/slack` (request signing v0). Returns nil for interactions MessageDecay does not handle,
    /// which Slack should get a plain 200 for.
    public func receiveSlack(headers: [String: String], body: [UInt8], now: Date) async throws -> IngestOutcome? {
        guard let verifier = self.secrets.slack else {
            throw SourceNotConfigured(source: "Slack", variable: "DECAY_SLACK_SIGNING_SECRET")
        }
        try Self.checkSize(body)
        do {
            try verifier.verify(
                timestampHeader: headers[SlackSignature.timestampHeader.lowercased()],
                signatureHeader: headers[SlackSignature.signatureHeader.lowercased()], body: body, now: now
            )
        } catch {
            throw Self.unauthorized(error)
        }
        guard case .actions(let interaction) = try SlackInteraction.parse(formBody: body) else { return nil }
        let request = InboundRequest(source: "slack", externalID: interaction.idempotencyKey, receivedAt: now, body: body)
        let event = await self.slackEvent(interaction, receivedAt: now)
        let outcome = try await self.database.ingest(request, checked: self.checkForIngest(event, receivedAt: now))
        if outcome.status == .accepted, case .success(.surveyResponse(let response)) = event, let responseURL = interaction.responseURL {
            try await self.queueQuizStep(response, responseURL: responseURL, replacing: interaction.isEphemeral, key: request.externalID, now: now)
        }
        return outcome
    }

    /// After a recorded quiz click: the next question, or the score, queued in the outbox for Slack's `response_url`,
    /// so the click is answered at once and never waits on that post. Once per click (Slack's retries share the key).
    func queueQuizStep(_ response: SurveyResponseEvent, responseURL: String, replacing: Bool, key: String, now: Date) async throws {
        guard let survey = self.catalog.surveys[response.survey], survey.questions.contains(where: \.isQuiz) else { return }
        let progress = QuizProgress(survey: survey, answers: try await self.database.quizAnswers(person: response.person, survey: survey.id))
        let payload = SlackQuizReply.render(
            progress: progress, person: response.person, message: survey.message.flatMap { self.catalog.messages[$0] }, replacing: replacing)
        let item = OutboxItem(idempotencyKey: "slack-quiz:" + key, kind: "quiz-step", payload: payload, to: ChatDestination(format: .slack, url: responseURL))
        try await self.database.queueReply(item, now: now)
    }

    /// `POST /webhooks/typeform` (`Typeform-Signature`); the form response token is the idempotency key.
    /// Returns nil for partial responses, which Typeform should get a plain 200 for.
    public func receiveTypeform(headers: [String: String], body: [UInt8], now: Date) async throws -> IngestOutcome? {
        guard let verifier = self.secrets.typeform else {
            throw SourceNotConfigured(source: "Typeform", variable: "DECAY_TYPEFORM_SECRET")
        }
        try Self.checkSize(body)
        do {
            try verifier.verify(signatureHeader: headers[TypeformSignature.signatureHeader.lowercased()], body: body)
        } catch {
            throw Self.unauthorized(error)
        }
        if TypeformSubmission.isPartial(body) { return nil }
        let submission = try TypeformSubmission.parse(body)
        let request = InboundRequest(source: "typeform", externalID: submission.token, receivedAt: now, body: body)
        return try await self.database.ingest(request, checked: self.checkForIngest(.success(submission.event), receivedAt: now))
    }

    /// A button click as an event: the person is named in the button, or found by the clicking user's chat handle.
    func slackEvent(_ interaction: SlackInteraction, receivedAt: Date) async -> Result<InboundEvent, InboundError> {
        guard let action = interaction.actions.first else {
            return .failure(InboundError(.unprocessable, "no action carries a MessageDecay button value (ans1:... or ack1:...)", field: "payload.actions"))
        }
        let at = action.date ?? receivedAt
        let named: String?
        switch action.value {
        case .answer(_, _, _, let person), .ack(_, let person): named = person
        }
        var person = named
        if person == nil {
            for handle in [interaction.userID, interaction.userName].compactMap({ $0 }) {
                if let found = try? await self.database.person(chatHandle: handle) {
                    person = found.id
                    break
                }
            }
        }
        guard let person else {
            let name = interaction.userName.map { " (\($0))" } ?? ""
            return .failure(InboundError(
                .unprocessable, "Slack user \(interaction.userID)\(name) is not in the directory: set their chat_handle to the Slack user id",
                field: "payload.user.id"
            ))
        }
        switch action.value {
        case .answer(let survey, let question, let option, _):
            return .success(.surveyResponse(SurveyResponseEvent(survey: survey, person: person, submittedAt: at, answers: [question: .text(option)])))
        case .ack(let message, _):
            return .success(.messageAck(MessageAckEvent(message: message, person: person, at: at)))
        }
    }

    /// Re-decodes a stored request and processes it again; for rejected events after the directory or content is fixed.
    public func replay(_ id: Int64) async throws -> IngestOutcome {
        guard let request = try await self.database.inboundRequest(id) else {
            throw InboundError(.unprocessable, "no stored inbound event \(id)", field: "id")
        }
        let event: Result<InboundEvent, InboundError>
        do {
            event = .success(try await self.decode(request))
        } catch let error as InboundError {
            event = .failure(error)
        }
        return try await self.database.replay(inboundID: id, request: request, checked: self.check(event, receivedAt: request.receivedAt))
    }

    /// As ``check(_:receivedAt:)`` for a request just received: a malformed event (control characters, impossible
    /// times) is thrown, so it is answered 400 and not stored, like any other 400; a 422 is returned to be kept.
    func checkForIngest(_ event: Result<InboundEvent, InboundError>, receivedAt: Date) throws(InboundError) -> Result<CheckedEvent, InboundError> {
        let checked = self.check(event, receivedAt: receivedAt)
        if case .failure(let error) = checked, error.kind == .malformed { throw error }
        return checked
    }

    /// A decoded event checked against the content and graded; a decoding failure stays that failure.
    func check(_ event: Result<InboundEvent, InboundError>, receivedAt: Date) -> Result<CheckedEvent, InboundError> {
        event.flatMap { CheckedEvent.check($0, catalog: self.catalog, now: receivedAt) }
    }

    /// Turns a stored request back into its event, the same way as when it arrived.
    func decode(_ request: InboundRequest) async throws -> InboundEvent {
        switch request.source {
        case "events":
            return try EventDecoder.decode(request.body)
        case "typeform":
            return try TypeformSubmission.parse(request.body).event
        case "page":
            return try self.pageEvent(request)
        case "slack":
            guard case .actions(let interaction) = try SlackInteraction.parse(formBody: request.body) else {
                throw InboundError(.malformed, "the stored Slack interaction has no MessageDecay button", field: "payload.actions")
            }
            return try await self.slackEvent(interaction, receivedAt: request.receivedAt).get()
        default:
            throw InboundError(.malformed, "cannot replay events from source '\(request.source)'", field: "source")
        }
    }

    static func checkSize(_ body: [UInt8]) throws(InboundError) {
        if body.count > self.maxBodyBytes {
            throw InboundError(.tooLarge, "body is \(body.count) bytes; the limit is \(self.maxBodyBytes)")
        }
    }

    static func unauthorized(_ error: any Error) -> InboundError {
        guard let error = error as? SignatureError else { return InboundError(.unauthorized, "signature check failed") }
        switch error {
        case .missingHeader(let name), .malformedHeader(let name):
            return InboundError(.unauthorized, error.message, field: name)
        default:
            return InboundError(.unauthorized, error.message)
        }
    }
}
