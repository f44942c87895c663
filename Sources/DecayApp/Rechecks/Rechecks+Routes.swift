import DecayChat
import DecayCore
import DecayDelivery
import DecayStore
import Foundation

extension Rechecks {
    /// Routes each contact: the rep's own destination when the directory gives one that the policy allows, else their
    /// partner's channel (one post per partner, kind and day), else nowhere (reported).
    func route(_ contacts: [PlannedContact], now: Date) async throws -> ([ContactPost], [RecheckRun.Unreachable]) {
        guard !contacts.isEmpty else { return ([], []) }
        let people = Dictionary(try await self.store.people(partner: nil).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let partners = Dictionary(try await self.store.partners().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let disabled = try await self.store.disabledDestinations()
        var posts: [ContactPost] = []
        var channel: [String: (partner: Partner, chat: ChatDestination, contacts: [PlannedContact])] = [:]
        var unreachable: [RecheckRun.Unreachable] = []
        for contact in contacts {
            guard let person = people[contact.person] else {
                unreachable.append(.init(person: contact.person, message: contact.message, reason: "no longer in the directory"))
                continue
            }
            if let chat = person.chat, self.usable(chat, disabled: disabled) {
                posts.append(self.personalPost(contact, person: person, chat: chat, now: now))
            } else if let partner = person.partner.flatMap({ partners[$0] }), let chat = partner.chat, self.usable(chat, disabled: disabled) {
                let key = Self.channelKey(contact, partner: partner.id)
                channel[key, default: (partner, chat, [])].contacts.append(contact)
            } else {
                unreachable.append(.init(
                    person: contact.person, message: contact.message,
                    reason: "no usable chat destination for the person or their partner (chat_format and chat_url in the directory)"))
            }
        }
        for key in channel.keys.sorted() {
            guard let group = channel[key] else { continue }
            posts.append(self.channelPost(key: key, partner: group.partner, chat: group.chat, contacts: group.contacts, people: people, now: now))
        }
        return (posts, unreachable)
    }

    /// `recheck:rep-0042:vault-3-launch:2026-W50`, `nudge:rep-0042:vault-3-launch:v2-1`.
    static func personalKey(_ contact: PlannedContact) -> String {
        "\(contact.kind.rawValue):\(contact.person):\(contact.message):\(contact.round)"
    }

    /// `recheck-channel:p-0007:2026-12-07`: one post per partner channel, kind and (UTC) send day.
    static func channelKey(_ contact: PlannedContact, partner: String) -> String {
        let day = UTCDay.format(contact.sendAt)
        return "\(contact.kind.rawValue)-channel:\(partner):\(day)"
    }

    private func usable(_ chat: ChatDestination, disabled: [String: String]) -> Bool {
        guard disabled[chat.url] == nil else { return false }
        if case .failure = self.policy.check(chat.url) { return false }
        return chat.format != .webhook || self.canSignWebhooks
    }

    private func personalPost(_ contact: PlannedContact, person: Person, chat: ChatDestination, now: Date) -> ContactPost {
        let message = self.catalog.messages[contact.message]
        let survey = contact.points.first.map(\.survey) ?? self.catalog.surveys(forMessage: contact.message).first?.id
        let questions = contact.points.compactMap { point in
            self.catalog.surveys[point.survey]?.questions.first { $0.id == point.question }
        }
        let quiz = contact.points.first.flatMap { point in
            questions.first.map { ChatQuiz(survey: point.survey, question: $0, person: person.id) }
        }
        let post = ChatRecheck(
            kind: ChatRecheck.Kind(contact.kind), messageID: contact.message, version: contact.version, title: message?.title ?? contact.message,
            people: [ChatPerson(name: person.name, handle: person.chatHandle)], shared: false, questions: questions.map(\.prompt), quiz: quiz,
            surveyURL: survey.flatMap { survey in self.links.map { $0.personLink(person: person.id, survey: survey, now: now) } })
        let key = Self.personalKey(contact)
        let payload = RecheckRenderer.render(post, as: chat.format, transactionID: key)
        return ContactPost(route: .personal, item: OutboxItem(idempotencyKey: key, kind: contact.kind.rawValue, payload: payload, to: chat), contacts: [contact])
    }

    private func channelPost(
        key: String, partner: Partner, chat: ChatDestination, contacts: [PlannedContact], people: [String: Person], now: Date
    ) -> ContactPost {
        let first = contacts[0]
        let message = self.catalog.messages[first.message]
        let survey = first.points.first.map(\.survey) ?? self.catalog.surveys(forMessage: first.message).first?.id
        let named = contacts.compactMap { people[$0.person] }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        let title = Set(contacts.map(\.message)).count == 1 ? (message?.title ?? first.message) : "what still matters"
        let post = ChatRecheck(
            kind: ChatRecheck.Kind(first.kind), messageID: first.message, version: first.version, title: title,
            people: named.map { ChatPerson(name: $0.name, handle: $0.chatHandle) }, shared: true,
            surveyURL: survey.flatMap { survey in self.links.map { $0.partnerLink(partner: partner.id, survey: survey, now: now) } })
        let payload = RecheckRenderer.render(post, as: chat.format, transactionID: key)
        return ContactPost(route: .channel, item: OutboxItem(idempotencyKey: key, kind: first.kind.rawValue, payload: payload, to: chat), contacts: contacts)
    }
}

extension ChatRecheck.Kind {
    init(_ kind: PlannedContact.Kind) {
        switch kind {
        case .recheck: self = .recheck
        case .nudge: self = .nudge
        }
    }
}
