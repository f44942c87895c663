import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation

/// Turns "send this message to this audience" into deliveries and outbox posts, one post per partner
/// destination, in one transaction; the outbox worker does the sending.
public struct Broadcasts: Sendable {
    public var store: any BroadcastRepository
    public var catalog: ContentCatalog
    public var policy: DestinationPolicy
    /// Whether `webhook`-format posts can be signed (DECAY_OUTBOUND_WEBHOOK_SECRET is set).
    public var canSignWebhooks: Bool
    /// Mints the quick-survey link each partner's post carries; nil = posts without a link.
    public var links: SurveyLinks?

    public init(store: any BroadcastRepository, catalog: ContentCatalog, policy: DestinationPolicy, canSignWebhooks: Bool, links: SurveyLinks?) {
        self.store = store
        self.catalog = catalog
        self.policy = policy
        self.canSignWebhooks = canSignWebhooks
        self.links = links
    }

    /// Resolves the audience, renders a post per partner destination and, unless `dryRun`, records it all.
    /// Deliveries are recorded only for people at partners whose post is queued: a skipped partner's people never
    /// get the message, so counting them would inflate reach.
    /// `audience` nil = the message's own audience; `survey` nil = the message's survey, if it has one.
    public func broadcast(message messageID: String, survey surveyID: String?, audience: String?, dryRun: Bool, now: Date) async throws -> BroadcastPlan {
        guard let message = self.catalog.messages[messageID] else {
            throw UseCaseError.unprocessable(field: "message", "unknown message '\(messageID)'; known: \(self.catalog.sortedMessages.map(\.id).joined(separator: ", "))")
        }
        let survey = try self.survey(surveyID, for: message)
        let spec: AudienceSpec
        do {
            spec = try audience.map(AudienceSpec.parse) ?? AudienceSpec(message.audience)
        } catch {
            throw UseCaseError.unprocessable(field: "audience", error.description)
        }
        let partners = try await self.store.partners().filter(spec.includes)
        guard !partners.isEmpty else {
            throw UseCaseError.unprocessable(field: "audience", "'\(spec)' matches no partner in the directory")
        }
        let people = try await self.store.people(partner: nil).filter { $0.role != .channelManager }
        let peopleByPartner = Dictionary(grouping: people.filter { $0.partner != nil }, by: { $0.partner! })
        let disabled = try await self.store.disabledDestinations()

        var plan = BroadcastPlan(
            message: message.id, version: message.version, survey: survey?.id, audience: spec.description, dryRun: dryRun,
            partners: partners.count, people: 0, posts: [], skipped: []
        )
        var recipients: [String] = []
        var items: [(partner: Partner, chat: ChatDestination)] = []
        for partner in partners.sorted(by: { $0.id < $1.id }) {
            let members = peopleByPartner[partner.id] ?? []
            if let reason = self.skipReason(partner, disabled: disabled) {
                plan.skipped.append(.init(partner: partner.id, reason: reason))
                continue
            }
            recipients += members.map(\.id)
            items.append((partner, partner.chat!))
            plan.posts.append(.init(partner: partner.id, format: partner.chat!.format, destination: OutboxURL.redacted(partner.chat!.url), people: members.count))
        }
        plan.people = recipients.count
        guard !dryRun else { return plan }

        let broadcast = self.chatBroadcast(message: message, survey: survey)
        let links = self.links
        let targets = items
        let record = try await self.store.recordBroadcast(message: message, survey: survey?.id, audience: spec, people: recipients, now: now) { id in
            targets.map { partner, chat in
                var content = broadcast
                content.surveyURL = survey.flatMap { links?.partnerLink(partner: partner.id, survey: $0.id, now: now) }
                let key = "broadcast:\(id):partner:\(partner.id)"
                let payload = ChatRenderer.render(content, as: chat.format, transactionID: key)
                return OutboxItem(idempotencyKey: key, kind: "broadcast", payload: payload, to: chat)
            }
        }
        plan.broadcastID = record.id
        plan.newDeliveries = record.newDeliveries
        plan.existingDeliveries = record.existingDeliveries
        for index in plan.posts.indices { plan.posts[index].outboxID = record.outboxIDs[index] }
        return plan
    }

    private func survey(_ id: String?, for message: Message) throws -> Survey? {
        guard let id else { return self.catalog.surveys(forMessage: message.id).first }
        guard let survey = self.catalog.surveys[id] else {
            throw UseCaseError.unprocessable(field: "survey", "unknown survey '\(id)'; known: \(self.catalog.sortedSurveys.map(\.id).joined(separator: ", "))")
        }
        return survey
    }

    private func skipReason(_ partner: Partner, disabled: [String: String]) -> String? {
        guard let chat = partner.chat else { return "no chat destination (set chat_format and chat_url in the directory)" }
        if let reason = disabled[chat.url] { return "destination disabled after \(reason); `decay outbox retry` re-enables it" }
        if case .failure(let refusal) = self.policy.check(chat.url) { return refusal.reason }
        if chat.format == .webhook, !self.canSignWebhooks { return "webhook destinations need DECAY_OUTBOUND_WEBHOOK_SECRET to sign posts" }
        return nil
    }

    /// The message with an acknowledge button and, for Slack, the survey's first quiz question as buttons.
    private func chatBroadcast(message: Message, survey: Survey?) -> ChatBroadcast {
        let quiz = survey.flatMap { survey in
            survey.questions.first { $0.isQuiz && $0.kind == .singleChoice }.map { ChatQuiz(survey: survey.id, question: $0, person: nil) }
        }
        return ChatBroadcast(message: message, quiz: quiz)
    }
}
